/** One input file through read → parse → enrich → validate → check: a Report or a Rejected entry, never an exception. */
import type { z } from 'zod/v4';
import { Report, type Diagnostic, type Rejected } from '../schema';
import { checkReport } from './check';
import { diagnostic } from './diagnostic';
import { identifyAgency, reportId } from './enrich';
import { parseReport, PARSER_VERSION } from './parse';
import { readSource, type SourceDocument } from './read';

export type Ingested = { report: Report } | { rejected: Rejected };

/** A rejected file always carries at least one error saying why: `fallbackError` is added when there is none. */
function reject(file: string, diagnostics: Diagnostic[], fallbackError?: Omit<Diagnostic, 'file' | 'severity'>): Ingested {
  const why = fallbackError && !diagnostics.some((d) => d.severity === 'error') ? [{ ...fallbackError, severity: 'error' as const, file }] : [];
  return { rejected: { file, diagnostics: [...diagnostics, ...why] } };
}

const REFUSED_VALUE_CHARS = 80;

/** A value the schema refused, for `found`: strings quoted (long ones cut), other primitives as written (NaN too), objects and arrays by kind. */
function refusedValue(input: unknown): string {
  if (input === undefined) return '';
  if (typeof input === 'object' && input !== null) return `（值：${Array.isArray(input) ? '数组' : '对象'}）`;
  const text = typeof input === 'string' ? JSON.stringify(input) : String(input);
  return `（值：${text.length > REFUSED_VALUE_CHARS ? `${text.slice(0, REFUSED_VALUE_CHARS)}…` : text}）`;
}

function schemaDiagnostics(file: string, issues: z.core.$ZodIssue[]): Diagnostic[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return diagnostic({
      severity: 'error',
      code: 'schema-invalid',
      file,
      expected: `符合数据模型的 ${path || '报告'}`,
      found: `${issue.code}: ${issue.message}${refusedValue(issue.input)}`,
      message: `报告数据不符合数据模型（${path}），未能生成报告`,
      path,
    });
  });
}

/** `read`: the file's bytes and their SHA-256 when the caller has read them already (see readSource). */
export async function ingestFile(contentDir: string, file: string, read?: { bytes: Buffer; sha256: string }): Promise<Ingested> {
  return ingestSource(await readSource(contentDir, file, read));
}

/** The stages after reading: parse → enrich → validate → check of a decoded document (the benchmark times these alone). */
export function ingestSource(doc: SourceDocument): Ingested {
  const file = doc.path;
  if (doc.text === null) return reject(file, doc.diagnostics);

  // parseReport never throws: an exception inside it is its one `parser-exception` error, and no table B.
  const parsed = parseReport({ text: doc.text, file: doc.path, lineOffset: doc.lineOffset });
  const diagnostics = [...doc.diagnostics, ...parsed.diagnostics];
  if (!parsed.hasTableB) {
    return reject(file, diagnostics, {
      code: 'table-b-missing',
      line: null,
      expected: '表三（收到和处理政府信息公开申请情况）',
      found: '未找到',
      message: '未找到表三，该文件不能生成报告',
    });
  }

  const name = doc.meta.agency ?? parsed.agencyName;
  const year = doc.meta.year ?? parsed.year;
  if (!name || year === null) {
    return reject(file, [
      ...diagnostics,
      diagnostic({
        severity: 'error',
        code: 'report-identity-missing',
        file,
        expected: '机关名称和报告年度（标题中或前置元数据 agency / year）',
        found: `机关名称：${name || '未识别'}；年度：${year ?? '未识别'}`,
        message: '无法确定报告的机关和年度，该文件不能生成报告',
      }),
    ]);
  }

  const { agency, diagnostics: agencyDiagnostics } = identifyAgency(name, doc.meta, file);
  const candidate = {
    id: reportId(agency.slug, year),
    agency,
    year,
    template: parsed.template,
    meta: {
      title: doc.meta.title ?? parsed.title ?? `${agency.name}${year}年政府信息公开工作年度报告`,
      sourceUrl: doc.meta.sourceUrl ?? parsed.sourceUrl,
      publishedAt: doc.meta.publishedAt ?? parsed.publishedAt,
      overridden: Object.keys(doc.meta),
    },
    source: {
      path: doc.path,
      sha256: doc.sha256,
      bytes: doc.bytes,
      format: doc.format,
      encoding: doc.encoding,
      layout: parsed.layout,
      reader: doc.reader,
    },
    preface: parsed.preface,
    sections: parsed.sections,
    closing: parsed.closing,
    proactive: parsed.proactive,
    proactive2019: parsed.proactive2019,
    requests: parsed.requests,
    appeals: parsed.appeals,
    proseCounts: parsed.proseCounts,
    placement: parsed.placement,
    checks: [],
    diagnostics: [...diagnostics, ...agencyDiagnostics],
    parserVersion: PARSER_VERSION,
  };
  // reportInput: the refused value goes into the diagnostic's `found`.
  const valid = Report.safeParse(candidate, { reportInput: true });
  if (!valid.success) return reject(file, [...candidate.diagnostics, ...schemaDiagnostics(file, valid.error.issues)]);
  return { report: { ...valid.data, checks: checkReport(valid.data) } };
}
