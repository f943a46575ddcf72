export * from './keys';
export * from './meta';
export * from './report';
export * from './cells';
export * from './csv';
export * from './csv-guard';
export * from './downloads';
