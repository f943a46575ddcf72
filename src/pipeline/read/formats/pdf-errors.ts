/** Why a PDF could not be opened, whichever library tried. */
export type PdfOpenError = 'encrypted' | 'damaged';

export class PdfReadError extends Error {
  constructor(
    readonly reason: PdfOpenError,
    message: string,
  ) {
    super(message);
  }
}
