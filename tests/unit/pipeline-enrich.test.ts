import { describe, expect, it } from 'vitest';
import { agencyLevel, agencySlug, identifyAgency, inferRegion, normalizeAgencyName, regionFromOverride, reportId } from '../../src/pipeline/enrich';

describe('normalizeAgencyName', () => {
  it('trims, converts full-width letters and digits, removes spaces inside Chinese text', () => {
    expect(normalizeAgencyName('  伊 美区人民政府\u3000办公室 ')).toBe('伊美区人民政府办公室');
    expect(normalizeAgencyName('第１２３中学（ＡＢ）')).toBe('第123中学（AB）');
    expect(normalizeAgencyName('某局(办公室)')).toBe('某局（办公室）');
    expect(normalizeAgencyName('ABC   Center')).toBe('ABC Center');
  });
});

describe('agencySlug', () => {
  it('is pinyin plus a hash of the name, only [a-z0-9-]', () => {
    const slug = agencySlug('伊美区人民政府');
    expect(slug).toMatch(/^yi-mei-qu-ren-min-zheng-fu-[0-9a-f]{6}$/);
    for (const name of ['伊美区人民政府', '上海市科学技术委员会（AB）', '绿化局', '——', '第123中学'])
      expect(agencySlug(normalizeAgencyName(name))).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('is the same for the same name and different for different names', () => {
    expect(agencySlug('伊美区人民政府')).toBe(agencySlug(normalizeAgencyName(' 伊美区 人民政府')));
    expect(agencySlug('伊美区人民政府')).not.toBe(agencySlug('伊美区人民政府办公室'));
  });

  it('keeps homophone names apart', () => {
    // 仪美 reads yí měi like 伊美: same pinyin, different agency.
    const a = agencySlug('伊美区人民政府');
    const b = agencySlug('仪美区人民政府');
    expect(a.slice(0, -7)).toBe(b.slice(0, -7));
    expect(a).not.toBe(b);
  });

  it('keeps very long names to a readable length', () => {
    const slug = agencySlug('中华人民共和国某某省某某市某某区某某街道办事处某某社区居民委员会某某工作领导小组办公室');
    expect(slug.length).toBeLessThanOrEqual(60 + 7);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{6}$/);
  });

  it('makes the report id from slug and year', () => {
    expect(reportId('yi-mei-qu-ren-min-zheng-fu-ac8f05', 2024)).toBe('yi-mei-qu-ren-min-zheng-fu-ac8f05-2024');
  });
});

describe('inferRegion', () => {
  it.each([
    ['伊美区人民政府', '黑龙江省', '伊春市', '伊美区', '230717'],
    ['伊宁市人民政府', '新疆维吾尔自治区', '伊犁哈萨克自治州', '伊宁市', '654002'],
    ['偃师区伊洛街道办事处', '河南省', '洛阳市', '偃师区', '410307'],
    ['殷都区人民政府办公室', '河南省', '安阳市', '殷都区', '410505'],
    ['淮安市洪泽区人民政府', '江苏省', '淮安市', '洪泽区', '320813'],
    ['南京市鼓楼区人民政府', '江苏省', '南京市', '鼓楼区', '320106'],
  ])('%s → %s %s %s', (name, province, prefecture, county, code) => {
    const r = inferRegion(name, 'f.txt');
    expect(r.region).toEqual({ province, prefecture, county, code });
    expect(r.diagnostics).toEqual([]);
  });

  it('gives a municipality as a province with no prefecture', () => {
    expect(inferRegion('上海市人民政府办公厅', 'f').region).toEqual({ province: '上海市', prefecture: null, county: null, code: '31' });
    expect(inferRegion('上海市浦东新区人民政府', 'f').region).toEqual({ province: '上海市', prefecture: null, county: '浦东新区', code: '310115' });
  });

  it('leaves an ambiguous place null with a warning naming the candidates', () => {
    const r = inferRegion('鼓楼区人民政府', 'f.txt');
    expect(r.region).toEqual({ province: null, prefecture: null, county: null, code: null });
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'region-ambiguous', file: 'f.txt' })]);
    expect(r.diagnostics[0].found).toContain('江苏省南京市鼓楼区');
    expect(r.diagnostics[0].found).toContain('福建省福州市鼓楼区');
  });

  it('leaves an unknown place null with a warning', () => {
    const r = inferRegion('平潭综合实验区', 'f.txt');
    expect(r.region.province).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['region-unknown']);
  });

  it('refuses contradicting place names', () => {
    for (const name of ['南京市伊美区联合办公室', '南京市鼓楼区伊美区联合办公室']) {
      const r = inferRegion(name, 'f.txt');
      expect(r.region.province).toBeNull();
      expect(r.diagnostics.map((d) => d.code)).toEqual(['region-inconsistent']);
      expect(r.diagnostics[0].found).toContain('黑龙江省伊春市伊美区');
    }
  });
});

describe('regionFromOverride and agencyLevel', () => {
  it('fills a partial override from the data set and keeps explicit nulls', () => {
    expect(regionFromOverride({ prefecture: '南京市', county: '鼓楼区' }).region).toEqual({
      province: '江苏省',
      prefecture: '南京市',
      county: '鼓楼区',
      code: '320106',
    });
    expect(regionFromOverride({ province: '福建省', county: null }).region).toEqual({
      province: '福建省',
      prefecture: null,
      county: null,
      code: '35',
    });
    expect(regionFromOverride({ county: '鼓楼区' }).region).toEqual({ province: null, prefecture: null, county: '鼓楼区', code: null });
  });

  it('classifies township bodies by name, others by the division found', () => {
    expect(identifyAgency('偃师区伊洛街道办事处', {}, 'f').agency.level).toBe('township');
    expect(identifyAgency('伊美区人民政府', {}, 'f').agency.level).toBe('county');
    expect(identifyAgency('上海市科学技术委员会', {}, 'f').agency.level).toBe('province');
    expect(identifyAgency('伊春市人民政府', {}, 'f').agency.level).toBe('prefecture');
    expect(agencyLevel('某县住房和城乡建设局', null)).toBe('unknown');
    expect(agencyLevel('某某镇人民政府', null)).toBe('township');
  });
});

describe('identifyAgency', () => {
  it('uses the metadata region over inference', () => {
    const { agency, diagnostics } = identifyAgency('鼓楼区人民政府', { region: { prefecture: '福州市', county: '鼓楼区' } }, 'f');
    expect(agency.region).toEqual({ province: '福建省', prefecture: '福州市', county: '鼓楼区', code: '350102' });
    expect(diagnostics).toEqual([]);
  });

  it('files region warnings under each file, also when the inference is reused', () => {
    expect(identifyAgency('鼓楼区人民政府', {}, 'a.txt').diagnostics[0].file).toBe('a.txt');
    expect(identifyAgency('鼓楼区人民政府', {}, 'b.txt').diagnostics[0].file).toBe('b.txt');
  });

  it('normalises the name before making the slug', () => {
    expect(identifyAgency(' 伊美区 人民政府', {}, 'f').agency).toMatchObject({ name: '伊美区人民政府', slug: agencySlug('伊美区人民政府') });
  });
});
