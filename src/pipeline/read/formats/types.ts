import type { Diagnostic } from '../../../schema';

/** What a document reader returns: text in a layout the parser reads (tab-separated table rows), or null. */
export interface FormatReading {
  /** Null when the file could not be read (damaged, encrypted, scanned without text, unsupported). */
  text: string | null;
  /** The character encoding read, for `Source.encoding`; null when nothing was read. */
  encoding: string | null;
  /** Which reader made the text, for `Source.reader`. */
  reader: string;
  diagnostics: Diagnostic[];
}
