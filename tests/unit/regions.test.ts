import { describe, expect, it } from 'vitest';
import { provinceSlug, provinceUrl, sliceTree } from '../../src/lib/regions';
import type { RegionNode } from '../../src/lib/site-data';
import type { AgencyIndexEntry } from '../../src/schema';

describe('provinceSlug', () => {
  it('reads the province in pinyin', () => {
    expect(provinceUrl('河南省')).toBe('/agencies/regions/he-nan-sheng/');
    expect(provinceSlug('新疆维吾尔自治区')).toBe('xin-jiang-wei-wu-er-zi-zhi-qu');
  });

  it('tells apart the provinces that read alike (山西省 14, 陕西省 61)', () => {
    expect(provinceSlug('山西省')).toBe('shan-xi-sheng-14');
    expect(provinceSlug('陕西省')).toBe('shan-xi-sheng-61');
  });

  it('gives any other name a sanitized slug with a hash, never a real province’s', () => {
    for (const name of ['未识别地区', '<script>alert(1)</script>', '', '河南']) {
      expect(provinceSlug(name), name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(provinceSlug(name), name).not.toBe(provinceSlug('河南省'));
    }
    expect(provinceSlug('未识别地区')).toBe(provinceSlug('未识别地区'));
    expect(provinceSlug('<script>')).not.toBe(provinceSlug('<style>'));
  });
});

describe('sliceTree', () => {
  const agency = (name: string) => ({ name }) as AgencyIndexEntry;
  const tree: RegionNode[] = [
    {
      name: 'P',
      agencies: [agency('p1')],
      children: [
        { name: 'A', agencies: [agency('a1'), agency('a2')], children: [{ name: 'A1', agencies: [agency('a11')], children: [] }] },
        { name: 'B', agencies: [agency('b1')], children: [] },
      ],
    },
  ];
  const names = (nodes: RegionNode[]): string[] => nodes.flatMap((n) => [...n.agencies.map((a) => a.name), ...names(n.children)]);

  it('keeps the agencies of the range, in the order the tree is shown', () => {
    expect(names(sliceTree(tree, 0, 2))).toEqual(['p1', 'a1']);
    expect(names(sliceTree(tree, 2, 4))).toEqual(['a2', 'a11']);
  });

  it('drops regions left without agencies but keeps the path to those with some', () => {
    const last = sliceTree(tree, 4, 6);
    expect(last.map((n) => n.name)).toEqual(['P']);
    expect(last[0].agencies).toEqual([]);
    expect(last[0].children.map((c) => c.name)).toEqual(['B']);
  });

  it('covers every agency exactly once over consecutive pages', () => {
    for (const size of [1, 2, 3, 5]) {
      const pages = Array.from({ length: Math.ceil(5 / size) }, (_, i) => names(sliceTree(tree, i * size, (i + 1) * size)));
      expect(pages.flat(), `page size ${size}`).toEqual(names(tree));
    }
  });
});
