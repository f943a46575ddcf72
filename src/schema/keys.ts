/**
 * The canonical keys of ../shared/FORMAT.md with their labels.
 * This is the only module where a key is spelled; everything else iterates these lists.
 */

export interface KeyLabel<K extends string = string> {
  key: K;
  zh: string;
  en: string;
}

/** A template label without its ordinal and trailing note: "（二）部分公开（区分处理的…）" → "部分公开". */
export function shortLabel(label: string): string {
  return label
    .replace(/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)\s*/, '')
    .replace(/（[^（）]*）$/, '');
}

/** Table B columns (applicant types), in the template's order. */
export const APPLICANT_COLUMNS = [
  { key: 'natural', zh: '自然人', en: 'Natural persons' },
  { key: 'commercial', zh: '商业企业', en: 'Commercial enterprises' },
  { key: 'research', zh: '科研机构', en: 'Research institutions' },
  { key: 'nonprofit', zh: '社会公益组织', en: 'Non-profit organisations' },
  { key: 'legal', zh: '法律服务机构', en: 'Legal service institutions' },
  { key: 'otherOrg', zh: '其他', en: 'Other organisations' },
  { key: 'total', zh: '总计', en: 'Total' },
] as const satisfies readonly KeyLabel[];
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number]['key'];
export const APPLICANT_KEYS = APPLICANT_COLUMNS.map((c) => c.key) as ApplicantColumn[];
/** The six applicant columns whose sum is `total` (rule B3). */
export const APPLICANT_PARTS = APPLICANT_KEYS.filter((k) => k !== 'total');

/** Row groups of table B that have numbered sub-rows. */
export const REQUEST_GROUPS = [
  { key: 'withheld', zh: '（三）不予公开', en: 'Withheld' },
  { key: 'unavailable', zh: '（四）无法提供', en: 'Unable to provide' },
  { key: 'notProcessed', zh: '（五）不予处理', en: 'Not processed' },
  { key: 'otherHandling', zh: '（六）其他处理', en: 'Other handling' },
] as const satisfies readonly KeyLabel[];
export type RequestGroup = (typeof REQUEST_GROUPS)[number]['key'];
export const REQUEST_GROUP_KEYS = REQUEST_GROUPS.map((g) => g.key) as RequestGroup[];

export interface RequestRowDef<K extends string = string> extends KeyLabel<K> {
  /** The group this row belongs to, for the numbered sub-rows. */
  group?: RequestGroup;
  /** Whether the row is one of the 22 outcome rows summed by rule B2. */
  outcome: boolean;
}

/** Table B rows (25), in the template's order. `zh` is the row's own label as printed in the template. */
export const REQUEST_ROWS = [
  { key: 'received', zh: '一、本年新收政府信息公开申请数量', en: 'New requests received this year', outcome: false },
  { key: 'carriedOver', zh: '二、上年结转政府信息公开申请数量', en: 'Carried over from last year', outcome: false },
  { key: 'disclosed', zh: '（一）予以公开', en: 'Disclosed', outcome: true },
  { key: 'partlyDisclosed', zh: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', en: 'Partly disclosed', outcome: true },
  { key: 'withheld.stateSecret', zh: '1.属于国家秘密', en: 'Withheld: state secret', group: 'withheld', outcome: true },
  { key: 'withheld.lawForbids', zh: '2.其他法律行政法规禁止公开', en: 'Withheld: forbidden by other laws', group: 'withheld', outcome: true },
  { key: 'withheld.security', zh: '3.危及“三安全一稳定”', en: 'Withheld: endangers security or stability', group: 'withheld', outcome: true },
  { key: 'withheld.thirdParty', zh: '4.保护第三方合法权益', en: 'Withheld: third-party rights', group: 'withheld', outcome: true },
  { key: 'withheld.internal', zh: '5.属于三类内部事务信息', en: 'Withheld: internal affairs', group: 'withheld', outcome: true },
  { key: 'withheld.process', zh: '6.属于四类过程性信息', en: 'Withheld: process information', group: 'withheld', outcome: true },
  { key: 'withheld.enforcementFile', zh: '7.属于行政执法案卷', en: 'Withheld: enforcement case file', group: 'withheld', outcome: true },
  { key: 'withheld.inquiry', zh: '8.属于行政查询事项', en: 'Withheld: administrative inquiry', group: 'withheld', outcome: true },
  { key: 'unavailable.notHeld', zh: '1.本机关不掌握相关政府信息', en: 'Unavailable: not held by this body', group: 'unavailable', outcome: true },
  { key: 'unavailable.mustCreate', zh: '2.没有现成信息需要另行制作', en: 'Unavailable: would have to be created', group: 'unavailable', outcome: true },
  { key: 'unavailable.unclear', zh: '3.补正后申请内容仍不明确', en: 'Unavailable: still unclear after correction', group: 'unavailable', outcome: true },
  { key: 'notProcessed.complaint', zh: '1.信访举报投诉类申请', en: 'Not processed: petition or complaint', group: 'notProcessed', outcome: true },
  { key: 'notProcessed.duplicate', zh: '2.重复申请', en: 'Not processed: duplicate request', group: 'notProcessed', outcome: true },
  { key: 'notProcessed.publication', zh: '3.要求提供公开出版物', en: 'Not processed: asks for a publication', group: 'notProcessed', outcome: true },
  { key: 'notProcessed.repetitive', zh: '4.无正当理由大量反复申请', en: 'Not processed: repetitive requests', group: 'notProcessed', outcome: true },
  { key: 'notProcessed.confirmation', zh: '5.要求行政机关确认或重新出具已获取信息', en: 'Not processed: asks to confirm or reissue information', group: 'notProcessed', outcome: true },
  { key: 'otherHandling.noCorrection', zh: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', en: 'Other: applicant did not correct in time', group: 'otherHandling', outcome: true },
  { key: 'otherHandling.feeUnpaid', zh: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', en: 'Other: fee not paid', group: 'otherHandling', outcome: true },
  { key: 'otherHandling.other', zh: '3.其他', en: 'Other: other', group: 'otherHandling', outcome: true },
  { key: 'handledTotal', zh: '（七）总计', en: 'Total handled', outcome: false },
  { key: 'carriedForward', zh: '四、结转下年度继续办理', en: 'Carried forward to next year', outcome: false },
] as const satisfies readonly RequestRowDef[];
export type RequestRowKey = (typeof REQUEST_ROWS)[number]['key'];
export const REQUEST_ROW_KEYS = REQUEST_ROWS.map((r) => r.key) as RequestRowKey[];
/** Row keys of table B as stored: the 25 rows plus a group's own line when a report prints the group as one line. */
export type RequestKey = RequestRowKey | RequestGroup;

/** Table A (2021 template): rows and their columns. */
export const PROACTIVE_COLUMNS = {
  issued: { zh: '本年制发件数', en: 'Issued this year', unit: '件' },
  repealed: { zh: '本年废止件数', en: 'Repealed this year', unit: '件' },
  inForce: { zh: '现行有效件数', en: 'In force', unit: '件' },
  decisions: { zh: '本年处理决定数量', en: 'Decisions this year', unit: '件' },
  amount: { zh: '本年收费金额', en: 'Fees collected this year', unit: '万元' },
} as const;
export type ProactiveColumn = keyof typeof PROACTIVE_COLUMNS;

export const PROACTIVE_ROWS = [
  { key: 'rules', zh: '规章', en: 'Regulations (规章)', item: '第二十条第（一）项', columns: ['issued', 'repealed', 'inForce'] },
  { key: 'normativeDocs', zh: '行政规范性文件', en: 'Normative documents', item: '第二十条第（一）项', columns: ['issued', 'repealed', 'inForce'] },
  { key: 'licensing', zh: '行政许可', en: 'Administrative licensing', item: '第二十条第（五）项', columns: ['decisions'] },
  { key: 'penalties', zh: '行政处罚', en: 'Administrative penalties', item: '第二十条第（六）项', columns: ['decisions'] },
  { key: 'coercion', zh: '行政强制', en: 'Administrative coercion', item: '第二十条第（六）项', columns: ['decisions'] },
  { key: 'fees', zh: '行政事业性收费', en: 'Administrative fees', item: '第二十条第（八）项', columns: ['amount'] },
] as const satisfies readonly (KeyLabel & { item: string; columns: readonly ProactiveColumn[] })[];

/** Table A of the older 2019 template: other columns and a 第二十条第（九）项 procurement row. */
export const PROACTIVE_2019_COLUMNS = {
  created: { zh: '本年新制作数量', en: 'Created this year', unit: '件' },
  published: { zh: '本年新公开数量', en: 'Published this year', unit: '件' },
  totalPublic: { zh: '对外公开总数量', en: 'Total public', unit: '件' },
  previousItems: { zh: '上一年项目数量', en: 'Items last year', unit: '项' },
  change: { zh: '本年增/减', en: 'Change this year', unit: '项' },
  decisions: { zh: '处理决定数量', en: 'Decisions', unit: '件' },
  procurementItems: { zh: '采购项目数量', en: 'Procurement items', unit: '项' },
  procurementAmount: { zh: '采购总金额', en: 'Procurement amount', unit: '' },
} as const;
export type Proactive2019Column = keyof typeof PROACTIVE_2019_COLUMNS;

export const PROACTIVE_2019_ROWS = [
  { key: 'rules', zh: '规章', en: 'Regulations (规章)', item: '第二十条第（一）项', columns: ['created', 'published', 'totalPublic'] },
  { key: 'normativeDocs', zh: '规范性文件', en: 'Normative documents', item: '第二十条第（一）项', columns: ['created', 'published', 'totalPublic'] },
  { key: 'licensing', zh: '行政许可', en: 'Administrative licensing', item: '第二十条第（五）项', columns: ['previousItems', 'change', 'decisions'] },
  { key: 'otherServices', zh: '其他对外管理服务事项', en: 'Other external services', item: '第二十条第（五）项', columns: ['previousItems', 'change', 'decisions'] },
  { key: 'penalties', zh: '行政处罚', en: 'Administrative penalties', item: '第二十条第（六）项', columns: ['previousItems', 'change', 'decisions'] },
  { key: 'coercion', zh: '行政强制', en: 'Administrative coercion', item: '第二十条第（六）项', columns: ['previousItems', 'change', 'decisions'] },
  { key: 'fees', zh: '行政事业性收费', en: 'Administrative fees', item: '第二十条第（八）项', columns: ['previousItems', 'change'] },
  { key: 'procurement', zh: '政府集中采购', en: 'Government procurement', item: '第二十条第（九）项', columns: ['procurementItems', 'procurementAmount'] },
] as const satisfies readonly (KeyLabel & { item: string; columns: readonly Proactive2019Column[] })[];

/** Table C: three groups of five columns. */
export const APPEAL_GROUPS = [
  { key: 'review', zh: '行政复议', en: 'Administrative reconsideration' },
  { key: 'suitDirect', zh: '行政诉讼·未经复议直接起诉', en: 'Lawsuit filed directly' },
  { key: 'suitAfterReview', zh: '行政诉讼·复议后起诉', en: 'Lawsuit after reconsideration' },
] as const satisfies readonly KeyLabel[];
export type AppealGroup = (typeof APPEAL_GROUPS)[number]['key'];

export const APPEAL_COLUMNS = [
  { key: 'upheld', zh: '结果维持', en: 'Upheld' },
  { key: 'corrected', zh: '结果纠正', en: 'Corrected' },
  { key: 'other', zh: '其他结果', en: 'Other result' },
  { key: 'pending', zh: '尚未审结', en: 'Pending' },
  { key: 'total', zh: '总计', en: 'Total' },
] as const satisfies readonly KeyLabel[];
export type AppealColumn = (typeof APPEAL_COLUMNS)[number]['key'];

/** The six sections of the report. */
export const SECTIONS = [
  { key: 'overview', no: '一', zh: '总体情况', en: 'Overview' },
  { key: 'proactive', no: '二', zh: '主动公开政府信息情况', en: 'Proactive disclosure' },
  { key: 'requests', no: '三', zh: '收到和处理政府信息公开申请情况', en: 'Requests received and handled' },
  { key: 'appeals', no: '四', zh: '政府信息公开行政复议、行政诉讼情况', en: 'Reconsideration and litigation' },
  { key: 'problems', no: '五', zh: '存在的主要问题及改进情况', en: 'Problems and improvements' },
  { key: 'other', no: '六', zh: '其他需要报告的事项', en: 'Other matters' },
] as const;
export type SectionKey = (typeof SECTIONS)[number]['key'];

/** Consistency rules of FORMAT.md, with plain-language explanations shown on the site. */
export const RULES = {
  B1: { zh: '本年新收 + 上年结转 = 办理总计 + 结转下年度', en: 'received + carried over = handled total + carried forward, per column' },
  B2: { zh: '办理总计 = 各项办理结果之和', en: 'handled total = sum of the 22 outcome rows, per column' },
  B3: { zh: '总计列 = 六类申请人之和', en: 'total column = sum of the six applicant columns, per row' },
  C1: { zh: '复议、诉讼各组：总计 = 维持 + 纠正 + 其他 + 尚未审结', en: 'each group of table C: total = upheld + corrected + other + pending' },
  X1: { zh: '本年“上年结转” = 上一年报告的“结转下年度”', en: 'carried over this year = carried forward in last year’s report' },
  N1: { zh: '正文所述申请数与表三一致', en: 'request counts stated in the prose agree with table B' },
} as const;
export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** Header and group labels printed in the official tables that are not row or column labels of their own. */
export const TABLE_LABELS = {
  proactiveContent: { zh: '信息内容', en: 'Item' },
  requestsBalance: { zh: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', en: '(Per column: item 1 + item 2 = item 3 + item 4)' },
  requestsApplicants: { zh: '申请人情况', en: 'Applicants' },
  requestsOrganisations: { zh: '法人或其他组织', en: 'Legal persons or other organisations' },
  requestsOutcomes: { zh: '三、本年度办理结果', en: 'Outcomes this year' },
  appealsLitigation: { zh: '行政诉讼', en: 'Administrative litigation' },
  appealsSuitDirect: { zh: '未经复议直接起诉', en: 'Filed directly' },
  appealsSuitAfterReview: { zh: '复议后起诉', en: 'Filed after reconsideration' },
} as const satisfies Record<string, Omit<KeyLabel, 'key'>>;
