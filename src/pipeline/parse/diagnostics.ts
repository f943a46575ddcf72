/** Collects a file's diagnostics. Parsers record what they expected and what they found; they never throw or print. */
import type { Diagnostic, DiagnosticCode } from '../../schema';
import { diagnostic } from '../diagnostic';

export class DiagnosticLog {
  readonly items: Diagnostic[] = [];
  constructor(readonly file: string) {}

  add(severity: Diagnostic['severity'], code: DiagnosticCode, line: number | null, expected: string, found: string, message: string, path?: string) {
    this.items.push(diagnostic({ severity, code, file: this.file, line, expected, found: truncate(found), message, ...(path ? { path } : {}) }));
  }
  error(code: DiagnosticCode, line: number | null, expected: string, found: string, message: string, path?: string) {
    this.add('error', code, line, expected, found, message, path);
  }
  warn(code: DiagnosticCode, line: number | null, expected: string, found: string, message: string, path?: string) {
    this.add('warning', code, line, expected, found, message, path);
  }
  info(code: DiagnosticCode, line: number | null, expected: string, found: string, message: string, path?: string) {
    this.add('info', code, line, expected, found, message, path);
  }
}

/** Keeps diagnostics readable when the offending text is a 5 MB line. */
function truncate(s: string, max = 200): string {
  return s.length > max ? `${s.slice(0, max)}…（共 ${s.length} 字符）` : s;
}
