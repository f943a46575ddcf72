/**
 * Indexing a large site's search scopes in two processes at once (src/integrations/pagefind.ts: indexProcesses,
 * splitScopes, indexScopes with scripts/index-scopes.ts): how the scopes are shared, and that two processes write the
 * bundles one process writes, checked against the real Pagefind binary.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARALLEL_INDEX_FROM, indexProcesses, indexScopes, splitScopes, type IndexSummary } from '../../src/integrations/pagefind';
import type { ScopePages } from '../../src/lib/search-scope-pages';
import { SCOPE_ENTRY, scopeBundlePath } from '../../src/lib/search/scopes';

/** A scope of `pages` report pages (only their count and the id matter to the sharing). */
const scope = (id: string, pages: number, province = '河南省'): ScopePages => ({
  scope: { id, kind: 'reports', year: 2024, provinces: [province], pages, label: `2024 年 ${province}的报告` },
  files: Array.from({ length: pages }, (_, i) => `reports/${id}-${i}/index.html`),
});
const ids = (lists: ScopePages[][]) => lists.map((l) => l.map((s) => s.scope.id));

const page = (agency: string, prose: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${agency}</title></head><body>
<article data-pagefind-body><h1>${agency}2024年政府信息公开工作年度报告</h1><p>${prose}</p>
<div hidden><div data-pagefind-ignore><span data-pagefind-filter="year">2024</span><span data-pagefind-meta="agency">${agency}</span></div></div></article></body></html>`;

describe('sharing scopes between indexing processes', () => {
  it('gives each process about as many pages, every scope once, in the order given', () => {
    const scopes = [scope('a', 5), scope('b', 1), scope('c', 3), scope('d', 3), scope('e', 2)];
    const lists = splitScopes(scopes, 2);
    expect(ids(lists)).toEqual([['a', 'e'], ['b', 'c', 'd']]);
    expect(lists.map((l) => l.reduce((sum, s) => sum + s.files.length, 0))).toEqual([7, 7]);
  });

  it('never makes an empty list, and one list keeps every scope', () => {
    expect(ids(splitScopes([scope('a', 4)], 2))).toEqual([['a']]);
    expect(splitScopes([], 2)).toEqual([]);
    expect(ids(splitScopes([scope('a', 1), scope('b', 9)], 1))).toEqual([['a', 'b']]);
  });

  it('uses two processes only for two scopes or more of enough pages, and never more than the cores', () => {
    const half = PARALLEL_INDEX_FROM / 2;
    expect(indexProcesses([scope('a', half), scope('b', half)], 2)).toBe(2);
    expect(indexProcesses([scope('a', half), scope('b', half)], 8)).toBe(2);
    expect(indexProcesses([scope('a', half), scope('b', half)], 1)).toBe(1);
    expect(indexProcesses([scope('a', half), scope('b', half - 1)], 2)).toBe(1);
    expect(indexProcesses([scope('a', PARALLEL_INDEX_FROM * 2)], 2)).toBe(1);
  });
});

describe('indexing in two processes', () => {
  const sites: string[] = [];
  /** Three pages in scope x (河南省), two in scope y (湖北省). */
  const prose: Record<string, string> = {
    x0: '严格执行三审五校制度',
    x1: '依申请公开办理质量持续提升',
    x2: '政务公开专区建设不断完善',
    y0: '行政复议纠错率明显下降',
    y1: '主动公开政策解读材料',
  };
  const pagesOf = (prefix: string) => Object.keys(prose).filter((id) => id.startsWith(prefix)).map((id) => `reports/${id}/index.html`);
  const scopes: ScopePages[] = [
    { scope: { ...scope('r2024-x', 3).scope }, files: pagesOf('x') },
    { scope: { ...scope('r2024-y', 2, '湖北省').scope }, files: pagesOf('y') },
  ];
  async function site(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'pagefind-processes-'));
    sites.push(dir);
    for (const [id, text] of Object.entries(prose)) {
      await mkdir(join(dir, 'reports', id), { recursive: true });
      await writeFile(join(dir, 'reports', id, 'index.html'), page(`机构${id}`, text));
    }
    return dir;
  }
  const bundleFiles = (dir: string, id: string) => readdirSync(join(dir, scopeBundlePath(id)), { recursive: true }).map(String).sort();
  const entry = (dir: string, id: string) => JSON.parse(readFileSync(join(dir, scopeBundlePath(id), 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  let one: string;
  let two: string;
  let summaries: IndexSummary[];

  beforeAll(async () => {
    [one, two] = [await site(), await site()];
    summaries = [await indexScopes(one, scopes, 1), await indexScopes(two, scopes, 2)];
  }, 60_000);
  afterAll(() => Promise.all(sites.map((dir) => rm(dir, { recursive: true, force: true }))));

  // The pages' fragments are the same files; the index numbers the pages in the order they were read (several at
  // once, in one process as in two), so its files' hashes may differ from one run to the next.
  it('writes every scope of both shares, with its entry, as one process does', () => {
    for (const { scope: s, files } of scopes) {
      const fragments = (dir: string) => bundleFiles(dir, s.id).filter((f) => f.startsWith('fragment/'));
      expect(fragments(two)).toHaveLength(files.length);
      expect(fragments(two)).toEqual(fragments(one));
      expect(bundleFiles(two, s.id)).toEqual(expect.arrayContaining(['pagefind-entry.json', SCOPE_ENTRY]));
      expect(JSON.parse(readFileSync(join(two, scopeBundlePath(s.id), SCOPE_ENTRY), 'utf8'))).toEqual(s);
      expect(entry(two, s.id).languages['zh-cn'].page_count).toBe(files.length);
      expect(entry(one, s.id).languages['zh-cn'].page_count).toBe(files.length);
    }
  });

  it('adds up what each process indexed', () => {
    for (const summary of summaries) {
      expect(summary.scopes).toBe(2);
      expect(summary.indexed).toEqual({ 'zh-cn': 5 });
      expect(summary.largest).toBe(3);
    }
  });

  it('fails naming the page a scope lists but the site lacks, and writes no bundle for that scope', async () => {
    const dir = await site();
    await rm(join(dir, 'reports', 'y1'), { recursive: true });
    await expect(indexScopes(dir, scopes, 2)).rejects.toThrow(/reports\/y1\/index\.html/);
    expect(() => readdirSync(join(dir, scopeBundlePath('r2024-y')))).toThrow();
  }, 60_000);
});
