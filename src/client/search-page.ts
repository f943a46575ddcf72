/**
 * The search page in the browser: reads the query and filters from the URL, asks Pagefind for candidate
 * pages, keeps only those that really contain every query term (src/lib/search/match.ts explains why),
 * and renders them with DOM text nodes (page text is never inserted as HTML).
 * The index is one Pagefind bundle per search scope (src/lib/search/scopes.ts): a query merges the bundles of the
 * scopes its year and province cover into Pagefind's runtime bundle, a few at a time, and shows the results of each
 * round as they arrive.
 */
import {
  containsAll,
  excerpt,
  findMatches,
  headerMatch,
  indexQueries,
  pagefindTerm,
  queryTerms,
  sectionOfMatch,
  searchTables,
  tablesWithTerm,
  type Anchor,
  type SearchTables,
  type TableHeaderMap,
} from '../lib/search/match';
import { SEARCH_FILTER_KEYS, type SearchFilterKey } from '../lib/search/filters';
import { SEARCH_FILTER, type SearchFilterName, type SearchMetaName } from '../lib/search/contract';
import { scopesFor, type SearchScope } from '../lib/search/scopes';
import { RUNTIME_RECORD_URL, homeUrl, pagefindRuntimeUrl, pagefindScopeUrl, pagefindScopesUrl, pagefindUrl } from '../lib/paths';
import { agencyFinder } from './agency-finder';

/** Results rendered at a time ("显示更多结果" renders the next ones). */
const PAGE_SIZE = 10;
/**
 * At most this many candidates are checked per round of a search and per press of "显示更多结果" (each check loads one
 * small fragment file): the status line then says how many candidates are left, and the button checks the next ones.
 * Every candidate is checked in the end if the user asks; none is dropped.
 */
const CHECK_STEP = 100;
/**
 * When more candidates than this per bundle merged are still to be checked, the page asks Pagefind again with one more
 * character pair of the query (`indexQueries`): one more index chunk a merged bundle (15–30 KB, about what ten
 * fragments of about 2 KB cost) instead of loading and checking many candidates that hold only some of its pairs.
 * Measured at 10,000 reports (BENCHMARKS.md, "Search recall"): 西省发展 1,838 candidates over every scope, 12 with
 * one more pair, 7 reports hold it; 海西蒙古 36 and 34, where narrowing would cost 185 KB for nothing.
 */
const NARROW_PER_BUNDLE = 10;
/**
 * Typing searches once the input rests this long, so a typed query is one search, not one per prefix: each
 * search downloads the index chunks of its words. Long enough for the pause between two characters picked in an
 * input method.
 */
const TYPING_DELAY_MS = 400;
/**
 * Bundles merged in the first round of a query (its default scope: the first of scopesFor, whose results show before
 * any other bundle is loaded); each later round merges twice as many as the one before, so a query over every scope
 * takes a few rounds, not one per scope.
 */
const FIRST_ROUND = 1;
/**
 * The language Pagefind's browser side is told the index is in. The index is zh-cn (the only one, so Pagefind loads it
 * whatever the language asked: its `findIndex` falls back to the language with the most pages); told zh, it would cut
 * each query word with `Intl.Segmenter`, which splits most character pairs that are not dictionary words (房店 of
 * 瓦房店市 into 房 and 店, which then find nothing). Under a language that is not segmented, the pairs of
 * `indexQueries` reach the index as they were sent.
 */
const QUERY_LANGUAGE = 'und';
/** Pagefind's options for the runtime and every merged bundle. */
const PAGEFIND_OPTIONS = { baseUrl: homeUrl, excerptLength: 30, language: QUERY_LANGUAGE };

interface PagefindData {
  url: string;
  raw_url?: string;
  content: string;
  raw_content?: string;
  /** The page's metadata and filters, by the names of the search contract (SearchMeta.astro writes them). */
  meta: Partial<Record<SearchMetaName, string>>;
  filters?: Partial<Record<SearchFilterName, string[]>>;
  anchors?: Anchor[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
type PagefindFilters = Partial<Record<SearchFilterName, string | { any: string[] }>>;
interface PagefindApi {
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: PagefindFilters }): Promise<{ results: PagefindResult[] } | null>;
}
interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindApi;
}
/** A Pagefind instance over some scopes: the runtime bundle, with the bundles merged so far. */
interface ScopedSearch {
  api: PagefindApi;
  merged: Set<string>;
}

type Filters = Partial<Record<SearchFilterKey, string>>;
interface SearchState {
  q: string;
  filters: Filters;
}

/**
 * One search in progress: its candidates (those checked first, in the order checked), how many were checked, and those
 * that matched.
 */
interface Run {
  terms: string[];
  state: SearchState;
  candidates: PagefindResult[];
  checked: number;
  /** The query of `indexQueries` the candidates come from (higher: more pairs sent, fewer candidates). */
  level: number;
  matched: PagefindData[];
  rendered: number;
  /** Scopes searched so far, and in all. */
  scopesDone: number;
  scopesTotal: number;
  /** Checks run one after another (a round and "显示更多结果" may both ask for more). */
  checking: Promise<boolean>;
}

function readState(params: URLSearchParams): SearchState {
  const filters: Filters = {};
  for (const key of SEARCH_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return { q: params.get('q') ?? '', filters };
}

function stateUrl(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of SEARCH_FILTER_KEYS) if (state.filters[key]) params.set(key, state.filters[key]);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The official tables a page shows: on a report page (the pages with a year) those drawn on every report page, and
 * those its `table` filter names.
 */
function tablesOf(data: PagefindData, tables: SearchTables): string[] {
  if (!data.filters?.year?.length) return [];
  return Object.keys(tables).filter((name) => tables[name].everyReportPage).concat(data.filters.table ?? []);
}

/**
 * Where the first match is: in the page's indexed text, or else in a header of one of its tables (not indexed),
 * which links to the table's section and shows the header as the excerpt.
 */
function matchPlace(data: PagefindData, terms: string[], tables: SearchTables) {
  const content = data.raw_content ?? data.content;
  if (terms.length === 0 || findMatches(content, terms).length > 0) {
    return { section: terms.length ? sectionOfMatch(content, data.anchors ?? [], terms) : null, excerptOf: data.content, lead: '' };
  }
  const inHeader = headerMatch(terms, tablesOf(data, tables), tables);
  if (!inHeader) return { section: null, excerptOf: data.content, lead: '' };
  const id = tables[inHeader.table].section;
  const title = data.anchors?.find((a) => a.id === `${id}-heading`)?.text.trim() ?? '';
  return { section: { id, title }, excerptOf: inHeader.header, lead: '表格栏目：' };
}

function renderResult(data: PagefindData, terms: string[], tables: SearchTables): HTMLLIElement {
  const item = element('li', 'search-result');
  const { section, excerptOf, lead } = matchPlace(data, terms, tables);
  const heading = element('h2');
  const link = element('a', undefined, data.meta.title || data.url);
  link.href = section ? `${data.url}#${encodeURIComponent(section.id)}` : data.url;
  heading.append(link);
  const { kind, agency, year, region } = data.meta;
  const facts = [kind, agency, year && `${year} 年`, region, section?.title && `章节：${section.title}`].filter(Boolean);
  const meta = element('p', 'search-result__meta', facts.join(' · '));
  const text = element('p', 'search-result__excerpt');
  text.append(lead);
  for (const part of excerpt(excerptOf, terms)) text.append(part.mark ? element('mark', undefined, part.text) : part.text);
  item.append(heading, meta, text);
  return item;
}

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more');
  const emptyState = document.getElementById('search-empty');
  const noResults = document.getElementById('search-no-results');
  const clearFiltersHint = noResults?.querySelector<HTMLElement>('[data-search-clear-filters]');
  const agencySection = document.getElementById('search-agencies');
  if (!form || !input || !status || !list || !more || !emptyState || !noResults || !agencySection) return;
  const agencies = agencyFinder(agencySection);
  const selects = new Map<SearchFilterKey, HTMLSelectElement>();
  for (const key of SEARCH_FILTER_KEYS) {
    const select = form.querySelector<HTMLSelectElement>(`select[data-search-filter="${key}"]`);
    if (select) selects.set(key, select);
  }
  const baseTitle = document.title;
  const commonPairs = (form.dataset.commonPairs ?? '').split(' ').filter(Boolean);
  const tables = searchTables(JSON.parse(form.dataset.tableHeaders ?? '{}') as TableHeaderMap);

  let manifest: Promise<SearchScope[]> | undefined;
  const loadManifest = () =>
    (manifest ??= fetch(pagefindScopesUrl).then((response) => {
      if (!response.ok) throw new Error(`${response.status} fetching ${pagefindScopesUrl}`);
      return response.json() as Promise<SearchScope[]>;
    }));

  let pagefind: Promise<PagefindModule> | undefined;
  const loadPagefind = () => (pagefind ??= import(/* @vite-ignore */ pagefindUrl) as Promise<PagefindModule>);
  /**
   * One Pagefind instance per set of scopes, kept for the page's life: a later query over the same scopes reuses the
   * bundles merged and the index chunks loaded. Every instance's primary is the runtime bundle, so the WebAssembly
   * comes from one URL (fetched once, then from the browser's cache).
   */
  const instances = new Map<string, ScopedSearch>();
  const scopedSearch = async (scopes: SearchScope[]): Promise<ScopedSearch> => {
    const key = scopes.map((s) => s.id).join(' ');
    let found = instances.get(key);
    if (!found) {
      const module = await loadPagefind();
      // noWorker: Pagefind otherwise fetches a 43 KB worker script before the first search; the search itself
      // (a few index chunks, then the results' fragments) is light enough for the main thread.
      // baseUrl: the indexed pages' paths are relative to dist/; results link to them under the site's base path.
      found = { api: module.createInstance({ ...PAGEFIND_OPTIONS, basePath: pagefindRuntimeUrl, noWorker: true }), merged: new Set() };
      instances.set(key, found);
    }
    return found;
  };

  let current: Run | undefined;
  let typingTimer: number | undefined;

  const formState = (): SearchState => {
    const filters: Filters = {};
    for (const [key, select] of selects) if (select.value) filters[key] = select.value;
    return { q: input.value, filters };
  };

  /**
   * The filters Pagefind applies inside the scopes: a scope is of one year, so the year is the scopes themselves; the
   * province too, unless a scope holds several provinces (those with few pages share one).
   */
  const filtersInScopes = (filters: Filters, scopes: SearchScope[]): Filters => {
    const inside = { ...filters };
    delete inside[SEARCH_FILTER.year];
    if (scopes.every((s) => s.provinces.length === 1)) delete inside[SEARCH_FILTER.province];
    return inside;
  };

  const showState = (state: SearchState) => {
    input.value = state.q;
    for (const [key, select] of selects) {
      const value = state.filters[key] ?? '';
      // A value missing from the options (an old link) is added rather than silently dropped.
      if (value && ![...select.options].some((o) => o.value === value)) select.add(new Option(value, value));
      select.value = value;
    }
  };

  const setStatus = (text: string) => {
    status.textContent = text;
  };

  /** Every year of the reports (the year filter's options): filtering by all of them selects the report pages. */
  const years = [...(selects.get(SEARCH_FILTER.year)?.options ?? [])].map((o) => o.value).filter(Boolean);

  /**
   * Pages that may contain every term: those whose indexed text has them, then, when a term is in the headers of an
   * official table, the report pages showing such a table whose indexed text has the other terms (table headers are
   * not indexed, see src/lib/search/table-headers.ts): those with table A in that template when a term is only in
   * table A's headers, otherwise every report page. `fill` then checks each candidate's text. `level` picks the
   * query of `indexQueries` (beyond the last, the last): each finds a subset of the one before, and all of them every
   * page containing the terms. In scopes of report pages only (`onlyReports`: a year chosen) every page is a report
   * page, and no filter fetches the `year` filter's list of them (about 4 bytes a page; the runtime bundle's one
   * page, which that list left out, is then a candidate that `fill` rejects: it has no year).
   */
  const findCandidates = async (api: PagefindApi, terms: string[], filters: Filters, level: number, onlyReports: boolean): Promise<PagefindResult[]> => {
    const query = (words: string[]) => {
      const queries = indexQueries(words, commonPairs);
      return queries[Math.min(level, queries.length - 1)];
    };
    const inTables = terms.map((term) => tablesWithTerm(term, tables));
    const otherTerms = terms.filter((_, i) => inTables[i].length === 0);
    const narrowing = inTables.find((names) => names.length > 0 && names.every((name) => !tables[name].everyReportPage));
    const reportPages: PagefindFilters = narrowing
      ? { [SEARCH_FILTER.table]: { any: narrowing } }
      : onlyReports
        ? {}
        : { [SEARCH_FILTER.year]: filters.year ?? { any: years } };
    const [byText, byTable] = await Promise.all([
      pagesWithAll(api, terms.length ? query(terms) : null, filters),
      otherTerms.length < terms.length ? pagesWithAll(api, otherTerms.length ? query(otherTerms) : null, { ...filters, ...reportPages }) : [],
    ]);
    const seen = new Set(byText.map((c) => c.id));
    return byText.concat(byTable.filter((c) => !seen.has(c.id)));
  };

  /**
   * The pages holding every word of `query` (a query of `indexQueries`; null: every page under the filters). Each word
   * is searched on its own, a character pair as an exact word (`pagefindTerm`), and the pages are those every search
   * found, in the order of the first. Not one Pagefind query of all the words: Pagefind ignores a word that is in no
   * index chunk it loaded for a bundle, and matches a word missing from a chunk by its longest prefix there (a pair by
   * its first character), so a query of several words could return far more pages than hold them all.
   */
  const pagesWithAll = async (api: PagefindApi, query: string | null, filters: PagefindFilters): Promise<PagefindResult[]> => {
    const words = query === null ? [null] : query.split(' ');
    const found = await Promise.all(words.map((word) => api.search(word === null ? null : pagefindTerm(word), { filters })));
    const others = found.slice(1).map((answer) => new Set((answer?.results ?? []).map((r) => r.id)));
    return (found[0]?.results ?? []).filter((r) => others.every((ids) => ids.has(r.id)));
  };

  /**
   * Checks candidates until `wanted` results matched, all were checked, or CHECK_STEP more were checked; false if a
   * newer search started. Checks and candidate updates run one after another (`run.checking`).
   */
  const fill = (run: Run, wanted: number): Promise<boolean> => (run.checking = run.checking.then((live) => live && check(run, wanted)));
  const check = async (run: Run, wanted: number): Promise<boolean> => {
    const until = run.checked + CHECK_STEP;
    while (run.matched.length < wanted && run.checked < Math.min(run.candidates.length, until)) {
      const batch = run.candidates.slice(run.checked, Math.min(run.checked + PAGE_SIZE, until));
      const pages = await Promise.all(batch.map((candidate) => candidate.data()));
      if (run !== current) return false;
      run.checked += batch.length;
      for (const page of pages) {
        if ((page.raw_url ?? page.url).endsWith(RUNTIME_RECORD_URL)) continue;
        const headers = tablesOf(page, tables).flatMap((table) => tables[table]?.normalised ?? []);
        const texts = [page.content, page.meta.title ?? '', page.meta.agency ?? ''];
        if (run.terms.length === 0 || containsAll(texts, run.terms, headers)) run.matched.push(page);
      }
    }
    return true;
  };

  /** How many queries `findCandidates` can send for the terms (the levels of `indexQueries`, tables included). */
  const levelsOf = (terms: string[]) =>
    Math.max(
      indexQueries(terms, commonPairs).length,
      indexQueries(terms.filter((term) => tablesWithTerm(term, tables).length === 0), commonPairs).length,
    );

  /** How many of `candidates` the run has not checked yet. */
  const uncheckedOf = (run: Run, candidates: PagefindResult[]) => {
    const done = new Set(run.candidates.slice(0, run.checked).map((c) => c.id));
    return candidates.filter((c) => !done.has(c.id)).length;
  };

  /**
   * Makes `candidates` (a search over every bundle merged so far) the run's candidates after those already checked,
   * in the chain of checks so that no check is running meanwhile; false if a newer search started.
   */
  const replaceCandidates = (run: Run, candidates: PagefindResult[]): Promise<boolean> =>
    (run.checking = run.checking.then((live) => {
      if (!live || run !== current) return false;
      const checked = run.candidates.slice(0, run.checked);
      const done = new Set(checked.map((c) => c.id));
      run.candidates = checked.concat(candidates.filter((c) => !done.has(c.id)));
      return true;
    }));

  const render = (run: Run) => {
    const firstNew = run.rendered;
    for (const page of run.matched.slice(run.rendered)) list.append(renderResult(page, run.terms, tables));
    run.rendered = run.matched.length;
    const searching = run.scopesDone < run.scopesTotal;
    const left = run.candidates.length - run.checked;
    const exhausted = !searching && left === 0;
    more.hidden = left === 0;
    const filtered = Object.keys(run.state.filters).length > 0;
    const what = run.state.q.trim() ? `包含“${run.state.q.trim()}”的` : '符合筛选条件的';
    noResults.hidden = run.matched.length > 0 || !exhausted;
    if (clearFiltersHint) clearFiltersHint.hidden = !filtered;
    // The count is exact once every candidate is checked; until then it is stated as bounds: those found, and those
    // plus the candidates left (pages holding the query's character pairs, not read yet).
    const bounds = `至少 ${run.matched.length} 条，至多 ${run.matched.length + left} 条：还有 ${left} 个候选页面待核对，点击“显示更多结果”继续`;
    if (searching) setStatus(`正在搜索：已显示 ${run.matched.length} 条${what}结果（已搜索 ${run.scopesDone} / ${run.scopesTotal} 个范围）…`);
    else if (run.matched.length === 0 && exhausted) setStatus(`没有找到${what}报告或机构。`);
    else if (exhausted) setStatus(`找到 ${run.matched.length} 条${what}结果。`);
    else setStatus(`已显示 ${run.matched.length} 条${what}结果（${bounds}）。`);
    return firstNew;
  };

  const search = async (state: SearchState, history: 'push' | 'replace' | 'none') => {
    if (history !== 'none') window.history[history === 'push' ? 'pushState' : 'replaceState'](null, '', stateUrl(state));
    const terms = queryTerms(state.q);
    const hasFilters = Object.keys(state.filters).length > 0;
    list.replaceChildren();
    more.hidden = true;
    noResults.hidden = true;
    document.title = state.q.trim() ? `“${state.q.trim()}”的搜索结果 · ${baseTitle}` : baseTitle;
    if (terms.length === 0 && !hasFilters) {
      current = undefined;
      void agencies.show([], '');
      emptyState.hidden = false;
      setStatus('');
      return;
    }
    emptyState.hidden = true;
    const run: Run = {
      terms,
      state,
      candidates: [],
      checked: 0,
      level: 0,
      matched: [],
      rendered: 0,
      scopesDone: 0,
      scopesTotal: 1,
      checking: Promise.resolve(true),
    };
    current = run;
    setStatus('正在搜索…');
    list.setAttribute('aria-busy', 'true');
    try {
      // Agencies by name first, from their own small index (a few KB, shown before the full-text index loads);
      // not under filters, which the name index does not carry.
      await agencies.show(hasFilters ? [] : terms, state.q.trim());
      if (run !== current) return;
      const scopes = scopesFor(await loadManifest(), state.filters);
      if (run !== current) return;
      run.scopesTotal = scopes.length;
      const scoped = await scopedSearch(scopes);
      const filters = filtersInScopes(state.filters, scopes);
      const onlyReports = scopes.every((s) => s.kind === 'reports');
      // Rounds: merge the next bundles, search every bundle merged so far (those of earlier rounds answer from the
      // chunks they loaded), add the new candidates and show them. An instance that has every bundle already searches
      // them all in one round.
      let next = 0;
      let size = scoped.merged.size === scopes.length ? scopes.length : FIRST_ROUND;
      do {
        const batch = scopes.slice(next, next + size);
        next += batch.length;
        size *= 2;
        const toMerge = batch.filter((s) => !scoped.merged.has(s.id));
        await Promise.all(toMerge.map((s) => scoped.api.mergeIndex(pagefindScopeUrl(s.id), PAGEFIND_OPTIONS)));
        for (const s of toMerge) scoped.merged.add(s.id);
        if (run !== current) return;
        // Every bundle merged so far is searched again: its candidates are all those of these bundles. While many are
        // left to check, the query is narrowed by one more character pair (the level only rises during a run).
        let candidates = await findCandidates(scoped.api, terms, filters, run.level, onlyReports);
        while (uncheckedOf(run, candidates) > NARROW_PER_BUNDLE * scoped.merged.size && run.level + 1 < levelsOf(terms)) {
          if (run !== current) return;
          run.level += 1;
          candidates = await findCandidates(scoped.api, terms, filters, run.level, onlyReports);
        }
        if (run !== current) return;
        if (!(await replaceCandidates(run, candidates))) return;
        run.scopesDone = next;
        if (!(await fill(run, Math.max(PAGE_SIZE, run.rendered)))) return;
        render(run);
      } while (next < scopes.length);
    } catch (error) {
      if (run !== current) return;
      console.warn('Search failed', error);
      setStatus('搜索暂时无法使用：搜索索引没有加载成功。');
      noResults.hidden = false;
    } finally {
      if (run === current) list.removeAttribute('aria-busy');
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    void search(formState(), 'push');
  });
  const searchWhenIdle = () => {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => void search(formState(), 'replace'), TYPING_DELAY_MS);
  };
  // While an input method composes, the box holds pinyin letters, not the query: wait for the characters.
  input.addEventListener('input', (event) => {
    if ((event as InputEvent).isComposing) window.clearTimeout(typingTimer);
    else searchWhenIdle();
  });
  input.addEventListener('compositionend', searchWhenIdle);
  for (const select of selects.values()) select.addEventListener('change', () => void search(formState(), 'replace'));
  more.addEventListener('click', async () => {
    const run = current;
    if (!run) return;
    if (!(await fill(run, run.matched.length + PAGE_SIZE))) return;
    const firstNew = render(run);
    // Keyboard users continue from the first new result instead of the button that may now be hidden.
    (list.children[firstNew]?.querySelector('a') ?? input).focus();
  });
  window.addEventListener('popstate', () => {
    const state = readState(new URLSearchParams(location.search));
    showState(state);
    void search(state, 'none');
  });

  const initial = readState(new URLSearchParams(location.search));
  showState(initial);
  void search(initial, 'replace');
}
