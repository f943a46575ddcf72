/**
 * The parser's row map for table B: how each canonical row is recognised in a label as printed (NFKC-folded,
 * whitespace removed). Phrases are the distinctive part of the template label, chosen so that a label cut by a line
 * break (…逾期不 / 补正…) or with characters dropped by PDF extraction (其他法律行政止公开) is still recognised.
 */
import type { RequestGroup, RequestRowKey } from '../../schema';

export const ROW_PATTERNS: Record<RequestRowKey, RegExp> = {
  received: /本年新收/,
  carriedOver: /上年结转/,
  disclosed: /予以公开/,
  partlyDisclosed: /部分公开/,
  // Numbered sub-rows: a distinctive phrase, or the number and the label's first characters when the line breaks early.
  'withheld.stateSecret': /国家秘密|^1[.、,]?属于国家/,
  'withheld.lawForbids': /其他法律|禁止公开|^2[.、,]?其他法/,
  'withheld.security': /三安全|一稳定|危及/,
  'withheld.thirdParty': /第三方/,
  'withheld.internal': /内部事务|三类内部|^5[.、,]?属于三类/,
  'withheld.process': /过程性|四类过程|^6[.、,]?属于四类/,
  'withheld.enforcementFile': /执法案卷|^7[.、,]?属于行政执法/,
  'withheld.inquiry': /行政查询|^8[.、,]?属于行政查/,
  'unavailable.notHeld': /不掌握|^1[.、,]?本机关/,
  'unavailable.mustCreate': /没有现成|另行制作|^2[.、,]?没有/,
  'unavailable.unclear': /仍不明确|补正后/,
  'notProcessed.complaint': /信访|举报投诉/,
  'notProcessed.duplicate': /重复申请/,
  'notProcessed.publication': /出版物|^3[.、,]?要求提供公开/,
  'notProcessed.repetitive': /大量反复|^4[.、,]?无正当/,
  'notProcessed.confirmation': /确认或重|重新出具|行政机关确认|^5[.、,]?要求行政/,
  'otherHandling.noCorrection': /逾期不补|理由逾期|申请人无正当/,
  'otherHandling.feeUnpaid': /收费通知|逾期未按|缴纳费用|申请人逾期/,
  // "3.其他" alone, or after the group and row-group labels a merged-cell layout repeats on every row, or after a
  // fragment of them a shifted Markdown row puts in a cell of its own ("果 | 3.其他").
  'otherHandling.other': /(?:^|[^\d.])3[.、,]?其他$/,
  handledTotal: /[(]七[)]总计|^七、总计$/,
  carriedForward: /结转下年/,
};

/** A group's own label: a header over its sub-rows, or a row of its own when the report prints no sub-rows. */
export const GROUP_PATTERNS: Record<RequestGroup, RegExp> = {
  withheld: /[(]三[)]不予公开|^三、?不予公开/,
  unavailable: /[(]四[)]无法提供|^四、?无法提供/,
  notProcessed: /[(]五[)]不予处理|^五、?不予处理/,
  otherHandling: /[(]六[)]其他(处理)?$|[(]六[)]其他处理/,
};
