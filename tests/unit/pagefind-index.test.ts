/**
 * The assumptions the search page relies on, checked against the real Pagefind binary:
 * the extended binary segments Chinese, every pair of adjacent Han characters is indexed (so the
 * character-pair queries of src/lib/search/match.ts always find a page containing the text), and
 * only the marked page body, minus the excluded parts, is indexed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extendedBinaryPath, indexSite } from '../../src/integrations/pagefind';
import { reportScopeId, scopeBundlePath } from '../../src/lib/search/scopes';
import { provinceSlug } from '../../src/lib/regions';

const PROSE = '政府信息公开“含金量”不断提高，严格执行“三审五校制”。';

const reportPage = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>报告</title></head><body>
<nav>导航菜单</nav>
<article data-pagefind-body>
  <h1>伊宁市人民政府年度报告</h1>
  <section id="overview"><h2 id="overview-heading">一、总体情况</h2><p>${PROSE}</p></section>
  <table><tr><th>结果纠正</th></tr></table>
  <section id="diagnostics"><p>诊断信息文字</p></section>
  <div hidden><div data-pagefind-ignore><span data-pagefind-filter="year">2024</span><span data-pagefind-meta="agency">伊宁市人民政府</span></div></div>
</article></body></html>`;
const chromePage = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>首页</title></head><body><p>首页文字</p></body></html>`;
// A page no scope lists (the scopes come from the data), marked all the same: it must not even be read.
const chartPage = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>图表</title></head><body><main data-pagefind-body><p>图表页文字</p></main></body></html>`;

/** Pagefind's files are gzip with a `pagefind_dcd` signature before the payload. */
function readPagefindFile(path: string): string {
  return gunzipSync(readFileSync(path)).subarray('pagefind_dcd'.length).toString('utf8');
}

let site: string;
let summary: Awaited<ReturnType<typeof indexSite>>;
let fragments: { content: string; filters: Record<string, string[]>; meta: Record<string, string> }[];
let indexText: string;
let bundle: string;

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'pagefind-test-'));
  await mkdir(join(site, 'reports', 'a'), { recursive: true });
  await writeFile(join(site, 'reports', 'a', 'index.html'), reportPage);
  await mkdir(join(site, 'agencies'), { recursive: true });
  await writeFile(join(site, 'agencies', 'index.html'), chromePage);
  await mkdir(join(site, 'charts', 'c'), { recursive: true });
  await writeFile(join(site, 'charts', 'c', 'index.html'), chartPage);
  summary = await indexSite(site, [{ id: 'a', year: 2024, agency: { region: { province: '新疆维吾尔自治区' } } }], []);
  bundle = scopeBundlePath(reportScopeId(2024, provinceSlug('新疆维吾尔自治区')));
  const dir = (name: string) => join(site, bundle, name);
  fragments = readdirSync(dir('fragment')).map((f) => JSON.parse(readPagefindFile(join(dir('fragment'), f))));
  indexText = readdirSync(dir('index')).map((f) => readPagefindFile(join(dir('index'), f))).join('');
});
afterAll(() => rm(site, { recursive: true, force: true }));

describe('Pagefind index of Chinese pages', () => {
  it('uses the extended binary shipped with the npm package', () => {
    expect(existsSync(extendedBinaryPath())).toBe(true);
    expect(process.env.PAGEFIND_EXTENDED_BINARY_PATH).toBe(extendedBinaryPath());
  });

  it('reads only the pages the scopes list, into the bundle of their scope, with the runtime bundle beside them', () => {
    expect(summary.scopes).toBe(1);
    expect(summary.indexed).toEqual({ 'zh-cn': 1 });
    expect(readdirSync(join(site, 'pagefind')).sort()).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'scopes.json', 'r2024-xin-jiang-wei-wu-er-zi-zhi-qu']));
    // A scope's bundle holds its index only: the runtime (pagefind.js, WebAssembly) is loaded once, from /pagefind/.
    expect(readdirSync(join(site, bundle)).filter((f) => /\.(js|css|pagefind)$/.test(f))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(site, 'pagefind', 'scopes.json'), 'utf8')) as { id: string; pages: number }[];
    expect(manifest.map((s) => [s.id, s.pages])).toEqual([['r2024-xin-jiang-wei-wu-er-zi-zhi-qu', 1]]);
    expect(fragments).toHaveLength(1);
    expect(fragments[0].content).not.toContain('首页文字');
    expect(fragments[0].content).not.toContain('图表页文字');
  });

  it('segments Chinese into words (stored with zero-width spaces between them)', () => {
    expect(fragments[0].content).toContain('政府\u200b信息\u200b公开');
    expect(indexText).toContain('含金量');
  });

  it('indexes every pair of adjacent Han characters, also across word boundaries', () => {
    const runs = PROSE.match(/\p{Script=Han}+/gu)!;
    const pairs = runs.flatMap((run) => [...run].slice(0, -1).map((c, i) => c + run[i + 1]));
    expect(pairs).toContain('审五');
    expect(pairs.filter((pair) => !indexText.includes(pair))).toEqual([]);
  });

  it('leaves out navigation, tables and derived sections, but keeps filters and metadata', () => {
    const { filters, meta } = fragments[0];
    const content = fragments[0].content.replaceAll('\u200b', '');
    expect(content).toContain('三审五校');
    for (const excluded of ['导航菜单', '结果纠正', '诊断信息文字', '2024']) expect(content).not.toContain(excluded);
    expect(filters.year).toEqual(['2024']);
    expect(meta.agency).toBe('伊宁市人民政府');
  });
});
