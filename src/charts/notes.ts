/**
 * Notes for flagged values: the rule breaks and diagnostics of a report that concern a plotted cell.
 * A chart collects its notes once, numbers them, and each plotted row refers to its notes by number.
 */
import { RULES, type ReportSummary, type RuleId } from '../schema';

export class NoteCollector {
  readonly notes: string[] = [];
  private readonly index = new Map<string, number>();

  /** Add a note (deduplicated) and return its 1-based number. */
  add(note: string): number {
    const known = this.index.get(note);
    if (known) return known;
    this.notes.push(note);
    this.index.set(note, this.notes.length);
    return this.notes.length;
  }
}

function ruleNote(rule: string, message: string): string {
  const explanation = RULES[rule as RuleId]?.zh;
  return `勾稽关系 ${rule}${explanation ? `（${explanation}）` : ''}不符：${message}`;
}

/** A diagnostic's path names a cell (`requests.received.natural`) or a whole row (`requests.received`). */
function concerns(diagnosticPath: string, paths: string[]): boolean {
  return paths.some((p) => p === diagnosticPath || p.startsWith(`${diagnosticPath}.`));
}

/** Note texts for every rule break and non-info diagnostic of `report` that touches one of `paths`. */
export function notesForPaths(report: ReportSummary, paths: string[]): string[] {
  const wanted = new Set(paths);
  const notes = report.checks.filter((c) => c.cells.some((cell) => wanted.has(cell))).map((c) => ruleNote(c.rule, c.message));
  for (const d of report.diagnostics) {
    if (d.severity === 'info' || !d.path || !concerns(d.path, paths)) continue;
    notes.push(`${d.message}${d.line === null ? '' : `（原文第 ${d.line} 行）`}`);
  }
  return notes;
}
