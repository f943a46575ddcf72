/**
 * Short forms people type for an agency name that are not substrings of it (substrings, such as
 * 伊美 for 伊美区人民政府, are found anyway). Indexed as hidden text on report and agency pages.
 */

/** The id of the hidden element holding the short forms: a match there lies in no section of the page. */
export const SHORT_FORMS_ID = 'search-short-forms';

const SHORT_FORMS: readonly [RegExp, string][] = [
  [/人民政府/u, '政府'],
  [/人民政府办公[室厅]$/u, '政府办'],
];

export function agencyShortForms(name: string): string[] {
  const forms = SHORT_FORMS.map(([pattern, replacement]) => name.replace(pattern, replacement)).filter(
    (form) => form !== name && !name.includes(form),
  );
  return [...new Set(forms)];
}
