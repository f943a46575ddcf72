/** Plain Chinese words for how a table's cells were placed (the report JSON's `placement`), shown beside each table. */
import type { TablePlacement } from '../schema/report';

/** One sentence for a reader: how the numbers of this table were read, and how many are missing for that reason. */
export function placementText(p: TablePlacement): string {
  const read = p.byLabel + p.byArithmetic;
  const apart = `${p.byArithmetic} 个数字在原文中与行标签分开排列，按表内勾稽关系（每行总计等于各项之和、各列合计相符）只有一种读法，据此放入`;
  switch (p.method) {
    case 'label':
      return `读取方式：本表 ${p.byLabel} 个数字均按原文中紧挨的行、列标签读取。`;
    case 'arithmetic':
      return `读取方式：本表 ${p.byLabel} 个数字按原文中紧挨的行标签读取；另有${apart}。`;
    case 'partial':
      return `读取方式：本表读取了 ${read} 个数字${p.byArithmetic ? `（其中${apart}）` : ''}；另有 ${p.unread} 个数字无法证明属于哪一行或原文缺少该行，记为空值，不作猜测，详见诊断信息。`;
    case 'none':
      return '读取方式：本表的数字无法对应到表格的行或列，全部记为空值，不作猜测，详见诊断信息。';
  }
}
