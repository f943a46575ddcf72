/**
 * Rows of null cells in key order, never changed: the parser's empty rows of tables B and C are copies of them (a spread
 * copies an object's fixed shape at once, where keyed stores grow it a key at a time).
 */
import { APPEAL_COLUMNS, APPLICANT_KEYS, type Appeals, type RequestRow } from '../../schema';

export const NULL_REQUEST_ROW = Object.fromEntries(APPLICANT_KEYS.map((k) => [k, null])) as { [K in keyof RequestRow]: null };
export const NULL_APPEAL_ROW = Object.fromEntries(APPEAL_COLUMNS.map((c) => [c.key, null])) as { [K in keyof Appeals['review']]: null };
