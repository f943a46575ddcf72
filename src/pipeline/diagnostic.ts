import type { Diagnostic } from '../schema';

/** Builds a Diagnostic; `line` defaults to null (not tied to one line). */
export function diagnostic(fields: Omit<Diagnostic, 'line'> & { line?: number | null }): Diagnostic {
  return { ...fields, line: fields.line ?? null };
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}
