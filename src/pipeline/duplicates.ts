/** Two files for the same agency and year: the first by path order is kept, the other is rejected naming both. */
import type { Rejected, Report } from '../schema';
import { diagnostic } from './diagnostic';
import { byKey } from './order';

/** Also the merge's, over the shards' summaries (./merge.ts): what a report needs here is in its summary. */
export type Deduplicated = Pick<Report, 'id' | 'year' | 'agency' | 'source' | 'diagnostics'>;

export function separateDuplicates<R extends Deduplicated>(reports: readonly R[]): { kept: R[]; duplicates: Rejected[] } {
  const first = new Map<string, R>();
  const kept: R[] = [];
  const duplicates: Rejected[] = [];
  const byPath = [...reports].sort(byKey((r) => r.source.path));
  for (const report of byPath) {
    const original = first.get(report.id);
    if (!original) {
      first.set(report.id, report);
      kept.push(report);
      continue;
    }
    duplicates.push({
      file: report.source.path,
      diagnostics: [
        diagnostic({
          severity: 'error',
          code: 'duplicate-report',
          file: report.source.path,
          expected: `每个机关每年只有一份报告（${report.agency.name} ${report.year} 年）`,
          found: `${original.source.path} 与 ${report.source.path}`,
          message: `${report.agency.name} ${report.year} 年的报告已由 ${original.source.path} 提供，本文件未采用`,
        }),
        ...report.diagnostics,
      ],
    });
  }
  return { kept, duplicates };
}
