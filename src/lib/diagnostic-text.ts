/**
 * A diagnostic in words for Chinese readers (/quality/ and the report pages). The pipeline's diagnostics keep their
 * `expected` and `found` texts as the parser wrote them (some in English, with canonical keys such as `nonprofit` or
 * `requests.withheld.process`): the published JSON, CSV and SQLite stay the same for data users, and this module says
 * them in Chinese when a page shows them. It translates the parser's fixed English phrases (PHRASES) and names
 * every canonical key and value path by the template's own row and column labels. What a library said about a file
 * it could not open (YAML, Word, PDF, zod, an exception's message) is kept verbatim as a `detail` that the page shows
 * in a <code> element under a Chinese label, for experts; so are the metadata field names a publisher writes in front
 * matter or a sidecar file (`sourceUrl`), which the texts name as 字段 (`textParts`).
 */
import { CELL_DEFINITIONS, valuePathLabel, type CellTable } from '../schema/cells';
import { tableOfPath } from '../schema/value-path';
import type { Diagnostic } from '../schema/report';
import type { DiagnosticCode } from '../schema/diagnostic-codes';
import { META_FIELDS } from '../schema/meta';

export interface DiagnosticText {
  expected: string;
  found: string;
  message: string;
  /** A library's own words (English as a rule) about why a file could not be read; null for the parser's own. */
  detail: string | null;
}

const TABLES: readonly CellTable[] = ['requests', 'proactive', 'proactive2019', 'appeals'];

/**
 * Row and column labels by table, from the cell definitions (which include a group's own line):
 * `requests` → { rows: withheld.process → （三）不予公开 / 6.属于四类过程性信息, columns: natural → 自然人 }.
 */
const LABELS = new Map(
  TABLES.map((table) => {
    const defs = CELL_DEFINITIONS.filter((d) => d.table === table);
    const rows = new Map<string, string>();
    const columns = new Map<string, string>();
    for (const d of defs) {
      if (!rows.has(d.row)) rows.set(d.row, d.zh.split(' / ').slice(0, -1).join(' / '));
      if (!columns.has(d.column)) columns.set(d.column, d.zh.split(' / ').at(-1)!);
    }
    return [table, { rows, columns }] as const;
  }),
);

/** The label of a canonical key (a row or a column) in a table; the other tables are tried when it is not there. */
function keyLabel(key: string, table: CellTable): string | null {
  for (const t of [table, ...TABLES.filter((x) => x !== table)]) {
    const labels = LABELS.get(t)!;
    const label = labels.rows.get(key) ?? labels.columns.get(key);
    if (label) return label;
  }
  return null;
}

/** A key or value path in words (a key's label in quotes unless `quoted`), null when it is neither. */
function nameOf(token: string, table: CellTable, quoted = false): string | null {
  if ((TABLES as readonly string[]).includes(tableOfPath(token)) && token.includes('.')) {
    const label = valuePathLabel(token);
    if (label !== token) return label;
  }
  const label = keyLabel(token, table);
  return label && (quoted ? label : `“${label}”`);
}

/** Identifiers, dotted or not (`nonprofit`, `withheld.process`, `requests.received.total`), not inside a file path. */
const IDENTIFIER = /(?<![\w./\\-])[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*(?![\w/\\-]|\.[A-Za-z0-9])/g;

/** Every canonical key and value path of `text` named by the template's labels. */
function nameKeys(text: string, table: CellTable): string {
  return text.replace(IDENTIFIER, (token: string, at: number) => {
    const quoted = text[at - 1] === '“' && text[at + token.length] === '”';
    return nameOf(token, table, quoted) ?? token;
  });
}

/** A list of keys (`a, b, c`) named by their labels, joined the Chinese way. */
const nameList = (keys: string, table: CellTable) =>
  keys
    .split(/,\s*/)
    .map((k) => nameOf(k.trim(), table) ?? k.trim())
    .join('、');

type Phrase = [RegExp, (table: CellTable, ...groups: string[]) => string];

/**
 * The parser's English phrases in `expected` and `found` (src/pipeline/parse, read/formats/pdf-columns.ts, and the
 * reader's one technical term, NUL), each as a
 * whole text, with what varies as groups. A phrase not listed here stays as written, and the tests that scan
 * /quality/ and every diagnostic of a corrupted corpus for English fail.
 */
const PHRASES: Phrase[] = [
  [/^a parseable report$/, () => '可以解析的报告'],
  [/^a digit run that splits into cells one way only$/, () => '只有一种拆分方式的连写数字'],
  [/^a digit run on a page whose table B adds up under its splits$/, () => '表三按拆分结果各列合计相符的页面上的连写数字'],
  [/^(.+) title in the first lines$/, (_, title) => `开头几行中的报告标题（“……${title}”）`],
  [/^a section heading like “(.+)”$/, (_, heading) => `形如“${heading}”的部分标题`],
  [/^table B row “(.+)”$/, (_, row) => `表三的“${row}”行`],
  [/^the report year in the title \((.+) or (.+)\)$/, (_, a, b) => `标题中的报告年度（如 ${a} 或 ${b}）`],
  [/^the agency name before the year in the title$/, () => '标题中年度之前的机关名称'],
  [/^a table A row “(.+)”$/, (_, row) => `表二的“${row}”行`],
  [/^(\d+) numbers beside the label “(.+)”$/, (_, n, row) => `“${row}”行标签旁的 ${n} 个数字`],
  [/^a table B row for \S+ \((.+)\)$/, (_, row) => `表三的“${row}”行`],
  [/^rows (.+) proved by a label or by the arithmetic$/, (t, rows) => `由行标签或勾稽关系确定的行：${nameList(rows, t)}`],
  [/^numbers between two table B rows$/, () => '表三中两个有标签的行之间的数字'],
  [/^(\d+) numbers for (\S+)$/, (t, n, key) => `${nameOf(key, t) ?? key}行的 ${n} 个数字`],
  [/^(\d+) numbers of table C$/, (_, n) => `表四的 ${n} 个数字`],
  [/^(\d+) numbers$/, (_, n) => `${n} 个数字`],
  [/^(\d+) cells$/, (_, n) => `${n} 个单元格`],
  [/^(\d+) values$/, (_, n) => `${n} 个数值`],
  [/^sub-row (\S+)$/, (t, key) => `分项${nameOf(key, t) ?? key}`],
  [/^a number$/, () => '数字'],
  [/^B3 in every row of table B under the columns of its header$/, () => '按表头分列后，表三每一行都满足规则 B3'],
  [/^C1 in table C under the columns of its header$/, () => '按表头分列后，表四满足规则 C1'],
  [/^each number under one column of the header$/, () => '每个数字都位于表头的某一列之下'],
  [/^\(empty\)$/, () => '（空）'],
  [/^\(no title\)$/, () => '（无标题）'],
  [/^no such heading$/, () => '未找到该标题'],
  [/^no such row$/, () => '未找到该行'],
  [/^no such label$/, () => '未找到该行的标签'],
  [/^none$/, () => '无'],
  [/^no numbers$/, () => '没有数字'],
  [/^含有 NUL 字节$/, () => '含有空字节（值为 0 的字节，文本文件中不会出现）'],
  [/^no numbers proved to be this row’s$/, () => '没有能证明属于该行的数字'],
  [/^a cell that reads as no number, then (\d+) cells: (.*)$/, (_, n, cells) => `有单元格不是可识别的数字，其后 ${n} 个单元格${cells ? `：${cells}` : ''}`],
  [/^(B1|B2) in columns (.+)$/, (t, rule, columns) => `规则 ${rule} 在${nameList(columns, t)}各列成立`],
  [/^more cells than columns: (.*)$/, (_, cells) => `单元格多于列数：${cells}`],
  [/^(\d+) values: (.*)$/, (_, n, values) => `${n} 个数值：${values}`],
  [/^whole Markdown rows of (\d+) cells$/, (_, n) => `每行 ${n} 个单元格的完整表格行`],
  [/^a line of (\d+) number\(s\) outside them: (.*)$/, (_, n, values) => `表格行之外单独一行的 ${n} 个数字：${values}`],
  [/^(\d+) values \(extra: (.*)\)$/, (_, n, extra) => `${n} 个数值（多出：${extra}）`],
  [/^blank cells: (.+)$/, (t, keys) => `空白单元格：${nameList(keys, t)}`],
  [/^only the group line (\S+)$/, (t, key) => `只有合计行${nameOf(key, t) ?? key}`],
  [/^the group line (\S+) or all its sub-rows$/, (t, key) => `合计行${nameOf(key, t) ?? key}或其全部分项行`],
  [/^(\d+) sub-rows not found$/, (_, n) => `${n} 个分项行未找到`],
  [/^(\d+) numbers of table C after its header, in the header's order$/, (_, n) => `表头之后按表头顺序排列的表四 ${n} 个数字`],
  [/^(“.*”) among the numbers (.*)$/, (_, text, numbers) => `数字 ${numbers} 之间夹有文字${text}`],
  [/^(\d+) numbers of table C in the order of its columns$/, (_, n) => `按表头各列顺序排列的表四 ${n} 个数字`],
  [/^a paragraph each after the header, in the extraction tool's order: (.*)$/, (_, numbers) => `表头之后每个数字单独成段，先后由文本抽取工具排定：${numbers}`],
  [
    /^(\d+) of (\d+) rows break the rule, (\d+) rows with numbers under no column$/,
    (_, broken, rows, unplaced) => `${rows} 行中有 ${broken} 行不满足该规则，${unplaced} 行的数字不在任何一列之下`,
  ],
  [/^(\d+) rows with a number under no column or two numbers under one$/, (_, n) => `${n} 行有数字不在任何一列之下，或一列之下有两个数字`],
  [/^B1 and B2 in columns (.+) as the rows' cells are printed$/, (t, columns) => `按各行数字的文字顺序，规则 B1、B2 在${nameList(columns, t)}各列成立`],
  [/^numbers right after their row label$/, () => '紧跟在所属行标签之后的数字'],
  [/^a page footer run into the numbers: (.*)$/, (_, line) => `页码与数字连在一起：${line}`],
  [/^(.*) in one reading of several$/, (_, values) => `${values}（多种读法之一）`],
  [/^(.*): numbers on the lines after a label printed after later rows' labels$/, (_, values) => `${values}：印在行标签之后几行的数字，而该标签印在模板中其后各行的标签之后`],
  [/^the row's (\d+) numbers on one line, or every row beside it with all its numbers on its label's line$/, (_, n) => `该行的 ${n} 个数字印在同一行，或相邻各行的数字都印在各自行标签所在行`],
  [/^(.*) from several lines, beside (\S+), (\d+) number\(s\) on its label's line$/, (t, values, key, n) => `分在几行印出的 ${values}，相邻的${nameOf(key, t) ?? key}行标签所在行只有 ${n} 个数字`],
  [/^(.*) after a label whose line holds digits that read as no number$/, (_, values) => `${values}，其前的行标签所在行夹有无法识别的数字`],
  [/^each value where the page's other full rows put its column$/, () => '每个数字都位于本页其他完整行同一列的位置'],
  [/^(\d+) values in print order: (.*), one out of its column$/, (_, n, values) => `按文字顺序的 ${n} 个数值：${values}，其中有数字不在其列的位置`],
  [/^a total that the row's numbers add up to$/, () => '总计等于本行各数字之和'],
  [/^a total that the row's cells add up to, or one kind of digits$/, () => '总计等于本行各格之和，或数字只用一种（半角或全角）'],
  [/^(\d+) values in print order: (.*), in two kinds of digits, not adding up$/, (_, n, values) => `按文字顺序的 ${n} 个数值：${values}，混用半角与全角数字，各格之和不等于总计`],
  [/^values of columns (.+) each where other full rows of the page put the other$/, (t, columns) => `${nameList(columns, t)}两列的数字各自位于本页其他完整行另一列的位置`],
  [/^(\d+) numbers on the row's line$/, (_, n) => `本行的 ${n} 个数字`],
  [/^counts of 0 or more$/, () => '不小于 0 的数量'],
  [/^a run of digits that splits into (\d+) cells adding up one way only$/, (_, n) => `只有一种拆分方式使总计等于各项之和的 ${n} 个连写数字`],
  // A run of digits, maybe with blank marks among them ("-0-----", "6无31无010").
  [/^([\d０-９/—–\-－／无]+): (\d+)( or more)? splits$/, (_, run, n, more) => `${run}：${n} 种${more ? '以上' : ''}拆分方式`],
  [/^([\d０-９/—–\-－／无]+): no split$/, (_, run) => `${run}：没有符合的拆分方式`],
  [/^table C's (\d+) cells apart$/, (_, n) => `表四的 ${n} 个单元格分开印出`],
  [/^(\d+): (\d+) split$/, (_, run, n) => `${run}：${n} 种拆分方式`],
  [/^B1 and B2 holding in every column of the rows split from runs of digits$/, () => '按行总计拆分连写数字后，全表各列的 B1、B2 都成立'],
  [/^rules not holding, or cells blank$/, () => '有规则不成立，或有单元格为空'],
  [/^(\d+) numbers on the row's line, or none printed where the template has no row$/, (_, n) => `本行的 ${n} 个数字，模板无行之处不应有数字`],
  [/^(\d+) numbers on the row's lines, and none printed where the template has no row$/, (_, n) => `本行各行上的 ${n} 个数字，且模板无行之处没有数字`],
  [/^(.*) over several lines, then (.*) beside it$/, (_, own, stray) => `分在几行印出的 ${own}，紧邻处还有 ${stray}`],
  [/^(.*), then (.*) beside it$/, (_, own, stray) => `${own}，紧邻处还有 ${stray}`],
  [/^a number cut in its cell: (.*)$/, (_, shown) => `在单元格中被截断的数字：${shown}`],
  [/^(\d+) values in print order: (.*), the total a blank mark$/, (_, n, values) => `按文字顺序的 ${n} 个数值：${values}，总计为空白符号`],
  [/^breaks adding up to 0 across (.+), rows printed at shifting places$/, (t, columns) => `${nameList(columns, t)}各列的 B1/B2 差额合计为 0，各行数字在文字中的位置前后不一`],
  [/^outcomes within 处理总计 and 处理总计 within 新收 and 上年结转 in columns (.+)$/, (t, columns) => `${nameList(columns, t)}各列中办理结果不超过处理总计、处理总计不超过新收与上年结转之和`],
  [/^bounds of B1 or B2 broken in columns (.+), rows printed at shifting places$/, (t, columns) => `${nameList(columns, t)}各列超出规则 B1 或 B2 所定的上限，各行数字在文字中的位置前后不一`],
  [/^numbers right after their row label, the label before it with its own$/, () => '紧跟在所属行标签之后的数字，且前一个行标签后面有它自己的数字'],
  [/^(.*) after two labels, the first without numbers$/, (_, values) => `${values}，其前有两个行标签，前一个后面没有数字`],
  [/^numbers inside their row label \(its rest on the next line\), or one line for each row$/, () => '夹在所属行标签中间的数字（标签其余部分在下一行），或每行数字各占一行'],
  [/^(.*) after a label that does not go on after them$/, (_, values) => `${values}，其前的行标签没有在这些数字之后续写`],
  [/^(“.*”) before (.*)$/, (_, text, values) => `${values} 之前是文字${text}`],
  [/^B3 with the total in the last column, as the rows' cells are printed$/, () => '按各行数字的文字顺序，总计在最后一列且规则 B3 成立'],
  [/^rows adding up with column (\d+) \((\S+)\) as their total$/, (t, n, key) => `按文字顺序，各行以第 ${n} 列（${nameOf(key, t, true) ?? key}）为总计时相加相符`],
  [/^columns (.+) where the page's full rows put them$/, (t, columns) => `${nameList(columns, t)}各列位于本页其他完整行印这些列的位置`],
  [/^a run of rows on its page printing them where other full rows put other columns$/, () => '本页有连续几行把这些列印在其他完整行印别的列的位置'],
  [/^(\d+) numbers in the header's columns$/, (_, n) => `表头各列之下的 ${n} 个数字`],
  [/^(\d+) numbers of table C under their columns' header words$/, (_, n) => `位于表头各列文字之下的表四 ${n} 个数字`],
  [/^numbers on (\d+) lines: (.*)$/, (_, n, values) => `分在 ${n} 行的数字：${values}`],
  [/^(\d+) numbers of table C, one a cell$/, (_, n) => `表四的 ${n} 个数字，每个单元格一个`],
  [/^(\d+) numbers of table C, one a cell, each group adding up \(C1\)$/, (_, n) => `表四的 ${n} 个数字，每个单元格一个，各组满足规则 C1`],
  [/^digits under the numbers of the line above: (.*)$/, (_, values) => `印在上一行数字之下的数位：${values}`],
  [/^one a line, C1 broken as printed and kept with two read as one and an empty cell: (.*)$/, (_, values) => `数字逐行印出，按印出顺序规则 C1 不成立，把相邻两个数字看作一个数并补一个空单元格则成立：${values}`],
  [/^(\d+) numbers of table C each beside its column's header word, or after the whole header$/, (_, n) => `表四的 ${n} 个数字，各自紧挨所在列的表头文字，或印在整个表头之后`],
  [/^header words between the numbers of a group, none among a later group's: (.*)$/, (_, values) => `表头文字夹在前面组的数字之间，后面组的数字之间却没有：${values}`],
];

function translate(text: string, table: CellTable): string {
  for (const [pattern, say] of PHRASES) {
    const m = pattern.exec(text);
    if (m) return say(table, ...m.slice(1));
  }
  return nameKeys(text, table);
}

/**
 * Codes whose `found` is a library's message about a file it could not open: shown as a Chinese summary, the message
 * itself as the detail. The zod message of `schema-invalid` keeps the refused value, said in Chinese by the pipeline.
 */
const LIBRARY_FOUND: Partial<Record<DiagnosticCode, string>> = {
  'parser-exception': '程序内部错误',
  'schema-invalid': '不符合数据模型的值',
  'front-matter-invalid': '无法解析的 YAML 元数据',
  'docx-unreadable': '无法打开的文件',
  'pdf-unreadable': '无法打开的文件',
  'pdf-encrypted': '需要密码',
};

function libraryFound(d: Diagnostic): { found: string; detail: string | null } | null {
  // A sidecar file that is not valid JSON or YAML (src/pipeline/read/sidecar.ts): the parser library's message.
  const sidecar = d.code === 'meta-invalid' && /^有效的 (JSON|YAML) 旁置元数据$/.test(d.expected);
  const summary = sidecar ? '无法解析的旁置元数据文件' : LIBRARY_FOUND[d.code];
  if (summary === undefined) return null;
  const value = /（值：.*）$/.exec(d.found)?.[0] ?? '';
  const raw = d.found.slice(0, d.found.length - value.length).replace(/^需要密码：/, '').trim();
  return { found: `${summary}${value}`, detail: raw || null };
}

/**
 * The texts said last, by everything they are made from: a report page says each of its diagnostics twice (in its
 * table cell and in the list), and reports share most of their texts. Bounded: emptied when full.
 */
const said = new Map<string, Readonly<DiagnosticText>>();
const SAID_LIMIT = 20_000;

export function diagnosticText(d: Diagnostic): Readonly<DiagnosticText> {
  const table = (TABLES as readonly string[]).includes(tableOfPath(d.path ?? '')) ? (tableOfPath(d.path!) as CellTable) : 'requests';
  const key = [table, d.code, d.expected, d.found, d.message].join('\u0000');
  const known = said.get(key);
  if (known) return known;
  const library = libraryFound(d);
  const text = {
    expected: translate(d.expected, table),
    found: library ? library.found : translate(d.found, table),
    message: nameKeys(d.message, table),
    detail: library?.detail ?? null,
  };
  if (said.size >= SAID_LIMIT) said.clear();
  said.set(key, text);
  return text;
}

/** Latin words a reader may meet on /quality/: format and encoding names. Rule ids (B1, C1…) are allowed too. */
const ALLOWED_WORDS: ReadonlySet<string> = new Set(['http', 'https', 'PDF', 'UTF', 'GB', 'GBK', 'BOM', 'JSON', 'YAML', 'OCR', 'Word', 'WPS', 'HTML', 'docx', 'doc', 'txt', 'md', 'htm', 'html', 'pdf']);
const RULE_ID = /^[BCNX]\d$/;

/**
 * The Latin words of a diagnostic's text (as diagnosticText says it) that a Chinese reader would meet untranslated:
 * neither allowed nor quoted from the source text itself (stray bytes can spell words). For the tests and
 * `npm run measure-shapes`, which count what PHRASES does not yet say in Chinese.
 */
export function untranslatedWords(text: string, source: string): string[] {
  return (text.match(/[A-Za-z]{2,}\d*/g) ?? []).filter((w) => !ALLOWED_WORDS.has(w) && !RULE_ID.test(w) && !source.includes(w));
}

/** What a diagnostic says to readers (diagnosticText) that still holds English: each such text, its field and words. */
export function untranslatedTexts(d: Diagnostic, source: string): { field: 'expected' | 'found' | 'message'; text: string; words: string[] }[] {
  const said = diagnosticText(d);
  const out: { field: 'expected' | 'found' | 'message'; text: string; words: string[] }[] = [];
  for (const field of ['expected', 'found', 'message'] as const) {
    const words = untranslatedWords(said[field], source);
    if (words.length) out.push({ field, text: said[field], words });
  }
  return out;
}

/** A piece of a diagnostic's text: plain, or a name to show as code (a metadata field a publisher writes). */
export interface TextPart {
  text: string;
  code: boolean;
}

/** Codes whose texts name the metadata fields of front matter and sidecar files (src/pipeline/read/meta.ts). */
const META_CODES: ReadonlySet<DiagnosticCode> = new Set(['meta-invalid', 'meta-unknown-field', 'meta-conflict']);
const META_NAMES: ReadonlySet<string> = new Set([...META_FIELDS, 'province', 'prefecture', 'county', 'null']);

/**
 * One text of a diagnostic (as diagnosticText gives it) in parts: the metadata field names in it, and the unknown
 * field a `meta-unknown-field` names (its `found`), are code; everything else is plain.
 */
export function textParts(d: Diagnostic, text: string): TextPart[] {
  if (!META_CODES.has(d.code)) return [{ text, code: false }];
  const names = d.code === 'meta-unknown-field' ? new Set([...META_NAMES, d.found]) : META_NAMES;
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(/[^\s,，、：（）()“”{}…]+/g)) {
    if (!names.has(m[0])) continue;
    if (m.index > last) parts.push({ text: text.slice(last, m.index), code: false });
    parts.push({ text: m[0], code: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), code: false });
  return parts;
}
