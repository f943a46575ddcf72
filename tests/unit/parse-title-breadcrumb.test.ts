/**
 * A web page's breadcrumb may end in the report's own name ("当前位置：首页 > 政务公开 > 政府信息公开工作年度报告"), right
 * before the title. Read as one title, the agency took the breadcrumb's words (pandoc's dump of the generated pages,
 * 506 of 1,000: "政府信息公开工作年度报告扬州经济技术开发区统计局"); on a page flattened to text (a browser's textContent)
 * the breadcrumb was taken for the title and the title dropped as page chrome (agency and year missing).
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';
import { readTitle } from '../../src/pipeline/parse/metadata';
import { toLines } from '../../src/pipeline/parse/lines';

const BREADCRUMB = '当前位置：首页 > 政务公开 > 政府信息公开工作年度报告';
const TABLE_B = '一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量1000001';

describe('a title after a breadcrumb that ends in the report’s name', () => {
  it('gives the agency printed in the title, not the breadcrumb’s words before it', () => {
    for (const title of ['扬州经济技术开发区统计局2023年政府信息公开工作年度报告', '2019 年度西昌市人力资源和社会保障局政府信息公开工作年度报告']) {
      const info = readTitle(toLines([BREADCRUMB, title, '一、总体情况']));
      expect(info.agencyName).toBe(title.includes('扬州') ? '扬州经济技术开发区统计局' : '西昌市人力资源和社会保障局');
      expect(info.year).toBe(title.includes('扬州') ? 2023 : 2019);
    }
  });

  it('finds the title of a flattened page after such a breadcrumb, a year in digits or in Chinese', () => {
    for (const [title, agency, year] of [
      ['2019 年度西昌市人力资源和社会保障局政府信息公开工作年度报告', '西昌市人力资源和社会保障局', 2019],
      ['二〇二四年政和县卫生健康局政府信息公开工作年度报告', '政和县卫生健康局', 2024],
    ] as const) {
      const text = ['人民政府门户网站', '首页政务公开政府信息公开政府信息公开年报互动交流', BREADCRUMB, '', title, '发布时间：2025-01-20　来源：人民政府门户网站', '', '按照《中华人民共和国政府信息公开条例》要求，本机关编制了本报告。', '一、总体情况', '本年度工作正常开展。', '三、收到和处理政府信息公开申请情况', TABLE_B].join('\n');
      const r = parseReport({ text, file: 'a.txt' });
      expect([r.layout, r.agencyName, r.year]).toEqual(['flattened', agency, year]);
    }
  });
});

/**
 * A long agency name wrapped in a PDF's title with its last character alone on a line (LibreOffice's PDF read by
 * poppler's default mode, officeCase('hunt47-office', 84)): the title was missed and the preamble's quoted title, cut
 * at a line break, read instead ("族自治县人民政府办公室" for 镇宁布依族苗族自治县人民政府办公室).
 */
describe('a title whose agency name wraps, its last character alone on a line', () => {
  const PREAMBLE = ['根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现发布《镇宁布依族苗', '族自治县人民政府办公室 2019 年政府信息公开工作年度报告》。本报告所列数据统计期限自 2019 年', '1 月 1 日起至 2019 年 12 月 31 日止。', '', '一、总体情况'];

  it('joins the name’s lines', () => {
    const info = readTitle(toLines(['镇宁布依族苗族自治县人民政府办公', '室', '2019 年政府信息公开工作年度报告', ...PREAMBLE]));
    expect([info.agencyName, info.year]).toEqual(['镇宁布依族苗族自治县人民政府办公室', 2019]);
  });

  it('reads a title quoted in a sentence from the lines that hold its 《, and none from a line that starts inside it', () => {
    expect(readTitle(toLines(PREAMBLE)).agencyName).toBe('镇宁布依族苗族自治县人民政府办公室');
    expect(readTitle(toLines(PREAMBLE.slice(1))).agencyName).toBeNull();
  });
});
