/** The file names of the data set downloads (data/downloads/, served at /downloads/): the writers and the site share them. */
export const DOWNLOAD_FILES = {
  reports: 'reports.json',
  wide: 'reports-wide.csv',
  long: 'reports-long.csv',
  dictionary: 'dictionary.csv',
  jsonSchema: 'report.schema.json',
  database: 'reports.sqlite',
  dataPackage: 'datapackage.json',
} as const;
