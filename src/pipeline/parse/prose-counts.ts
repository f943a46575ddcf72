/** Request counts stated in the prose (rule N1): "共收到政府信息公开申请 21 件", "办结 18 件", "结转下一年度办理 3 件". */
import type { ProseCounts } from '../../schema';
import type { Paragraph } from './reflow';
import { fold } from '../text';

const PATTERNS: [keyof ProseCounts, RegExp][] = [
  // "共收到政府信息公开申请 21 件" or "共收到 32 件申请"
  ['received', /(?:收到|受理|接收|新收)[^。；，,\d]{0,30}?(?:申请|申)[^。；，,\d]{0,10}?(\d+)件|(?:收到|受理|接收|新收)[^。；，,\d]{0,10}?(\d+)件(?:政府信息公开|信息公开)?申请/],
  // 办结 N 件, 答复…申请 N 件 or "…，答复 N 件" (not "同意公开答复 9 件", which counts one kind of answer).
  ['handled', /办结[^。；，,\d中]{0,8}?(\d+)件|答复[^。；，,\d]{0,12}?申请[^。；，,\d]{0,4}?(\d+)件|[，,、]答复(\d+)件/],
  ['carriedForward', /结转(?:至|到)?下(?:一)?年度?[^。；，,\d]{0,10}?(\d+)件/],
];

export function findProseCounts(paragraphs: Paragraph[]): ProseCounts {
  const counts: ProseCounts = {};
  for (const p of paragraphs) {
    if (!p.text.includes('件')) continue; // every pattern counts 件
    const text = fold(p.text).replace(/\s+/g, '');
    for (const [key, re] of PATTERNS) {
      if (counts[key]) continue;
      const m = re.exec(text);
      if (m) counts[key] = { value: Number(m[1] ?? m[2] ?? m[3]), line: p.line, text: m[0] };
    }
  }
  return counts;
}
