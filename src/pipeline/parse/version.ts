/**
 * Bumped whenever parsing changes what it returns for the same text. It keys the ingest cache; it lives apart from
 * the parser so that the cache's fingerprint (cache/code-version.ts) does not load the parser to read it.
 */
export const PARSER_VERSION = '1.5.127';
