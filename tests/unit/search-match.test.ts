import { describe, expect, it } from 'vitest';
import { agencyShortForms, SHORT_FORMS_ID } from '../../src/lib/search/aliases';
import {
  containsAll,
  excerpt,
  findMatches,
  headerMatch,
  indexQueries,
  indexQuery,
  MAX_PAIRS_PER_RUN,
  pagefindTerm,
  queryTerms,
  sectionOfMatch,
  type Anchor,
  hanPairs,
  searchTables,
  tablesWithTerm,
} from '../../src/lib/search/match';
import { commonPairs } from '../../src/lib/search/common-pairs';
import { TABLE_HEADERS, tablesShown } from '../../src/lib/search/table-headers';
import type { Report } from '../../src/schema';

describe('queryTerms', () => {
  it('splits on ASCII and full-width spaces, normalises width and case, trims quotes', () => {
    expect(queryTerms('  “三审五校”　ＡＢＣ 2024 ')).toEqual(['三审五校', 'abc', '2024']);
  });
  it('drops empty and repeated terms', () => {
    expect(queryTerms('伊美 伊美 ， ')).toEqual(['伊美']);
    expect(queryTerms('   ')).toEqual([]);
  });
});

describe('indexQuery', () => {
  it('sends one character pair of each run of Han characters: the first, when none is known to be common', () => {
    expect(indexQuery(['三审五校'])).toBe('三审');
    expect(indexQuery(['三审五校', '含金量'])).toBe('三审 含金');
  });
  it('sends the least common pair of a run, by the list of common pairs (most common first)', () => {
    expect(indexQuery(['行政复议'], ['行政', '复议', '政复'])).toBe('政复');
    expect(indexQuery(['行政复议'], ['行政', '复议'])).toBe('政复');
    expect(indexQuery(['行政复议'], ['政复', '行政', '复议'])).toBe('复议');
  });
  it('keeps single characters and non-Han runs, splitting mixed terms by script', () => {
    expect(indexQuery(['伊', '2024年度'])).toBe('伊 2024 年度');
  });
  it('drops repeated pairs and punctuation', () => {
    expect(indexQuery(['公开、公开'])).toBe('公开');
  });
});

describe('indexQueries', () => {
  it('starts with the one-pair query, then adds the uncommon pairs one at a time, those sharing no character first', () => {
    // Unlisted pairs are rarer than listed ones: 房店 is sent first, then 红沿 and 河镇, which share no character.
    const common = ['瓦房', '店市', '市红', '沿河'];
    expect(indexQueries(['瓦房店市红沿河镇'], common)).toEqual(['房店', '房店 红沿', '房店 红沿 河镇']);
    // With no list, four disjoint pairs cover the eight characters (MAX_PAIRS_PER_RUN).
    expect(indexQueries(['瓦房店市红沿河镇']).at(-1)).toBe('瓦房 店市 红沿 河镇');
    expect(MAX_PAIRS_PER_RUN).toBe(4);
  });
  it('never adds a listed (common) pair; overlapping pairs come after the disjoint ones', () => {
    const common = ['政府', '府信', '信息', '息公', '公开', '开条', '条例'];
    expect(indexQueries(['政府信息公开条例第十条'], common)).toEqual(['例第', '例第 十条', '例第 十条 第十']);
    expect(indexQueries(['行政复议'], ['行政', '复议', '政复'])).toEqual(['政复']);
  });
  it('narrows each term: every query holds one pair of every run and the non-Han words', () => {
    const queries = indexQueries(['三审五校', '2024年度', '含金量']);
    expect(queries[0]).toBe(indexQuery(['三审五校', '2024年度', '含金量']));
    for (const q of queries) for (const word of ['三审', '2024', '年度', '含金']) expect(q.split(' ')).toContain(word);
    // Each query adds exactly one word to the one before.
    for (let i = 1; i < queries.length; i += 1) expect(queries[i].startsWith(`${queries[i - 1]} `)).toBe(true);
    expect(queries.at(-1)).toBe('三审 2024 年度 含金 五校 审五 金量');
  });
  it('finds every page containing the terms: each pair sent is a pair of the query', () => {
    const phrase = '区福民街道办';
    const pairs = new Set(hanPairs(phrase));
    for (const q of indexQueries([phrase], ['街道', '道办'])) for (const word of q.split(' ')) expect(pairs.has(word)).toBe(true);
  });
});

describe('pagefindTerm', () => {
  it('quotes a pair of Han characters (an exact word for Pagefind), and leaves single characters and other words as prefixes', () => {
    expect(pagefindTerm('县关')).toBe('"县关"');
    expect(indexQueries(['县关口镇']).at(-1)!.split(' ').map(pagefindTerm)).toEqual(['"县关"', '"口镇"', '"关口"']);
    expect(pagefindTerm('伊')).toBe('伊');
    expect(pagefindTerm('2024')).toBe('2024');
    expect(pagefindTerm('abc')).toBe('abc');
  });
});

describe('hanPairs', () => {
  it('lists the overlapping pairs of each run of Han characters, not across other characters', () => {
    expect(hanPairs('三审五校，含金量 ab 伊')).toEqual(['三审', '审五', '五校', '含金', '金量']);
  });
});

describe('commonPairs', () => {
  const report = (text: string) =>
    ({ meta: { title: '' }, agency: { name: '' }, sections: { overview: { title: '', line: null, text } } }) as unknown as Report;

  it('lists the pairs that occur often, the most frequent first, and not the rare ones', () => {
    const reports = Array.from({ length: 40 }, (_, i) => report(i % 2 === 0 ? `行政复议${i}` : `行政诉讼${i}`));
    reports.push(report('三审五校'));
    const pairs = commonPairs(reports, (r) => r);
    expect(pairs[0]).toBe('行政');
    expect(pairs).toEqual(expect.arrayContaining(['复议', '诉讼', '政复', '政诉']));
    expect(pairs).not.toContain('三审');
  });

  it('ranks by occurrences: a pair repeated within every report is more common than one said once in each', () => {
    const reports = Array.from({ length: 20 }, () => report('申请行政复议，行政许可，行政处罚'));
    const pairs = commonPairs(reports, (r) => r);
    expect(pairs.indexOf('行政')).toBeLessThan(pairs.indexOf('政复'));
    expect(indexQuery(['行政复议'], pairs)).not.toBe('行政');
  });
});

describe('containsAll', () => {
  it('matches across line breaks, spaces and zero-width word separators', () => {
    expect(containsAll(['政府信息公开“含\n金量”不断提高'], ['含金量'])).toBe(true);
    expect(containsAll(['三\u200b审\u200b五\u200b校'], ['三审五校'])).toBe(true);
  });
  it('never matches a different word that shares a prefix', () => {
    expect(containsAll(['结果纠正 3 件'], ['纠错'])).toBe(false);
  });
  it('requires every term, each in one text, never across two texts', () => {
    expect(containsAll(['伊美区人民政府', '2023 年'], ['伊美', '2023'])).toBe(true);
    expect(containsAll(['伊美区人民政府'], ['伊美', '殷都'])).toBe(false);
    expect(containsAll(['…伊', '美区'], ['伊美'])).toBe(false);
  });
  it('matches full-width digits against ASCII ones', () => {
    expect(containsAll(['共收到申请１２件'], ['12件'])).toBe(true);
  });
});

describe('table headers (not indexed, matched by the search page)', () => {
  const tables = searchTables(TABLE_HEADERS);
  it('finds the tables whose headers contain a term', () => {
    expect(tablesWithTerm('结果纠正', tables)).toEqual(['appeals']);
    expect(tablesWithTerm('纠正', tables)).toEqual(['appeals']);
    expect(tablesWithTerm('不予公开', tables)).toEqual(['requests']);
    expect(tablesWithTerm('行政许可', tables)).toEqual(['proactive', 'proactive2019']);
    expect(tablesWithTerm('政府集中采购', tables)).toEqual(['proactive2019']);
    expect(tablesWithTerm('本年收费金额(单位:万元)', tables)).toEqual(['proactive']);
    expect(tablesWithTerm('纠错', tables)).toEqual([]);
    expect(tablesWithTerm('伊宁', tables)).toEqual([]);
  });
  it('knows which section each table is in', () => {
    expect(TABLE_HEADERS.proactive2019.section).toBe('proactive');
    expect(TABLE_HEADERS.appeals.section).toBe('appeals');
  });
  it('lists the tables a report page shows: B and C always, A in its template', () => {
    expect(tablesShown({ proactive: {}, proactive2019: null })).toEqual(['proactive', 'requests', 'appeals']);
    expect(tablesShown({ proactive: null, proactive2019: {} })).toEqual(['proactive2019', 'requests', 'appeals']);
    expect(tablesShown({ proactive: null, proactive2019: null })).toEqual(['requests', 'appeals']);
  });
  it('reports the first header of the shown tables that holds a term', () => {
    expect(headerMatch(['不予公开'], ['proactive', 'requests', 'appeals'], tables)).toEqual({ table: 'requests', header: '（三）不予公开' });
    expect(headerMatch(['行政许可'], ['requests', 'appeals'], tables)).toBeNull();
  });
  it('lets a header count as page text only for the terms it holds', () => {
    const headers = tables.appeals.normalised;
    expect(containsAll(['伊宁市人民政府 2024 年'], ['伊宁', '结果纠正'], headers)).toBe(true);
    expect(containsAll(['伊宁市人民政府 2024 年'], ['纠错'], headers)).toBe(false);
    expect(containsAll(['伊宁市人民政府 2024 年'], ['伊宁结果'], headers)).toBe(false);
  });
});

describe('findMatches and excerpt', () => {
  const text = '一、总体情况\n建立“三审五校制”，三审\n五校后发布。';
  it('reports matches in original positions, including one broken by a line break', () => {
    const matches = findMatches(text, ['三审五校']);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['三审五校', '三审\n五校']);
  });
  it('marks every match inside the excerpt window', () => {
    const parts = excerpt(text, ['三审五校'], 100);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['三审五校', '三审\n五校']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });
  it('cuts long text around the first match with ellipses', () => {
    const long = `${'甲'.repeat(100)}卡通形象${'乙'.repeat(100)}`;
    const parts = excerpt(long, ['卡通形象'], 10);
    expect(parts.map((p) => p.text)).toEqual(['…', '甲'.repeat(10), '卡通形象', '乙'.repeat(10), '…']);
  });
  it('starts at the beginning when nothing matches', () => {
    expect(excerpt('短文本', ['无关'])).toEqual([{ text: '短文本', mark: false }]);
  });
});

describe('sectionOfMatch', () => {
  // Pagefind's raw content: words separated by zero-width spaces; anchor locations count those words.
  const raw = ['标题', '一', '、', '总体', '情况', '发布', '三', '审', '五', '校', '五', '、', '问题', '卡通', '形象', '伊美区政府'].join('\u200b');
  const anchors: Anchor[] = [
    { element: 'section', id: 'overview', text: '一、总体情况 发布三审五校', location: 1 },
    { element: 'h2', id: 'overview-heading', text: '一、总体情况', location: 1 },
    { element: 'section', id: 'problems', text: '五、问题 卡通形象', location: 10 },
    { element: 'h2', id: 'problems-heading', text: '五、问题', location: 10 },
    { element: 'p', id: SHORT_FORMS_ID, text: '伊美区政府', location: 15 },
  ];
  it('links to the outermost element of the section and names it by its heading', () => {
    expect(sectionOfMatch(raw, anchors, ['三审五校'])).toEqual({ id: 'overview', title: '一、总体情况' });
    expect(sectionOfMatch(raw, anchors, ['卡通形象'])).toEqual({ id: 'problems', title: '五、问题' });
  });
  it('finds the section of a match that starts inside a word', () => {
    expect(sectionOfMatch(raw, anchors, ['通形'])).toEqual({ id: 'problems', title: '五、问题' });
  });
  it('gives no section for a match before the first anchor, in the short forms, or for no match', () => {
    expect(sectionOfMatch(raw, anchors, ['标题'])).toBeNull();
    expect(sectionOfMatch(raw, anchors, ['伊美区政府'])).toBeNull();
    expect(sectionOfMatch(raw, anchors, ['纠错'])).toBeNull();
  });
});

describe('agencyShortForms', () => {
  it('gives the forms people type that are not substrings of the name', () => {
    expect(agencyShortForms('伊美区人民政府')).toEqual(['伊美区政府']);
    expect(agencyShortForms('殷都区人民政府办公室')).toEqual(['殷都区政府办公室', '殷都区政府办']);
    expect(agencyShortForms('伊宁市人民政府')).toEqual(['伊宁市政府']);
  });
  it('gives nothing for a name without a known suffix', () => {
    expect(agencyShortForms('某某市交通运输局')).toEqual([]);
    expect(agencyShortForms('偃师区伊洛街道办事处')).toEqual([]);
  });
});
