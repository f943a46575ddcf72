/**
 * Metadata that overrides what the parser and the enrich stage infer: YAML front matter or a sidecar file
 * `<name>.meta.json` / `<name>.meta.yaml`. Each field is validated on its own so one bad field does not drop the rest.
 */
import { META_FIELDS, META_OVERRIDE_FIELDS as FIELDS, type Diagnostic, type DiagnosticCode, type MetaField, type MetaOverrides } from '../../schema';
import { diagnostic } from '../diagnostic';

const EXPECTED: Record<MetaField, string> = {
  agency: '非空的机关名称',
  region: '{province, prefecture, county}，值为地名或 null',
  year: '2000–2100 之间的年份',
  title: '非空的标题',
  sourceUrl: '完整的网址（http/https）',
  publishedAt: '发布日期，如 2025-01-20',
};

export interface MetaOrigin {
  /** The report file the metadata belongs to (diagnostics are filed under it). */
  file: string;
  /** Where the metadata came from, for messages: `前置元数据` or the sidecar's name. */
  label: string;
  line: number | null;
}

/** Validates raw metadata (parsed YAML or JSON): keeps each valid field, reports invalid and unknown ones. */
export function validateMeta(raw: unknown, origin: MetaOrigin): { meta: MetaOverrides; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const warn = (code: DiagnosticCode, expected: string, found: string, message: string) =>
    diagnostics.push(diagnostic({ severity: 'warning', code, file: origin.file, line: origin.line, expected, found, message }));

  if (raw === null || raw === undefined) return { meta: {}, diagnostics };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warn('meta-invalid', '键值对（agency、year、region…）', JSON.stringify(raw), `${origin.label}不是键值对，已忽略`);
    return { meta: {}, diagnostics };
  }
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in FIELDS)) {
      warn('meta-unknown-field', `以下字段之一：${META_FIELDS.join(', ')}`, key, `${origin.label}中的字段 ${key} 无法识别，已忽略`);
      continue;
    }
    const field = key as MetaField;
    const parsed = FIELDS[field].safeParse(value);
    if (parsed.success) meta[field] = parsed.data;
    else warn('meta-invalid', EXPECTED[field], JSON.stringify(value) ?? String(value), `${origin.label}中的字段 ${field} 无效，已忽略`);
  }
  return { meta: meta as MetaOverrides, diagnostics };
}

/** Sidecar fields win over front matter; a field set differently in both is worth telling. */
export function mergeMeta(frontMatter: MetaOverrides, sidecar: MetaOverrides, file: string): { meta: MetaOverrides; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  for (const field of META_FIELDS) {
    const a = frontMatter[field];
    const b = sidecar[field];
    if (a !== undefined && b !== undefined && JSON.stringify(a) !== JSON.stringify(b)) {
      diagnostics.push(
        diagnostic({
          severity: 'info',
          code: 'meta-conflict',
          file,
          expected: `前置元数据与旁置元数据文件中的 ${field} 一致`,
          found: `前置元数据 ${JSON.stringify(a)}，旁置文件 ${JSON.stringify(b)}`,
          message: `${field} 以旁置元数据文件为准`,
        }),
      );
    }
  }
  return { meta: { ...frontMatter, ...sidecar }, diagnostics };
}
