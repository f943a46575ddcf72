/**
 * The compare page in the browser: loads all rows (JSON chunks), then filters, sorts and chooses columns.
 * The view lives in the URL query (year, province, level, sort, dir, cols) so a link reproduces it.
 * Report data is inserted with textContent only, never as HTML.
 */
import {
  ALL_COLUMNS,
  FIGURE_COLUMNS,
  IDENTITY_COLUMNS,
  columnText,
  columnValue,
  type CompareColumn,
  type CompareRow,
} from '../lib/compare-columns';
import { toCsv } from '../lib/csv';
import { NO_VALUE, NO_VALUE_TITLE } from '../lib/format';

/** Rows drawn at once; "显示更多" draws the next batch, keeping the DOM small for large corpora. */
const BATCH = 500;
const FILTERS = ['year', 'province', 'level'] as const;

interface View {
  year: string;
  province: string;
  level: string;
  sort: string;
  dir: 'asc' | 'desc';
  cols: string[];
}

function readView(): View {
  const q = new URL(window.location.href).searchParams;
  const known = new Set(FIGURE_COLUMNS.map((c) => c.key));
  const cols = q.has('cols') ? (q.get('cols') ?? '').split(',').filter((k) => known.has(k)) : [...known];
  const sort = ALL_COLUMNS.some((c) => c.key === q.get('sort')) ? q.get('sort')! : '';
  return {
    year: q.get('year') ?? '',
    province: q.get('province') ?? '',
    level: q.get('level') ?? '',
    sort,
    dir: q.get('dir') === 'desc' ? 'desc' : 'asc',
    cols,
  };
}

function writeView(view: View): void {
  const url = new URL(window.location.href);
  for (const key of FILTERS) {
    if (view[key]) url.searchParams.set(key, view[key]);
    else url.searchParams.delete(key);
  }
  if (view.sort) {
    url.searchParams.set('sort', view.sort);
    url.searchParams.set('dir', view.dir);
  } else {
    url.searchParams.delete('sort');
    url.searchParams.delete('dir');
  }
  if (view.cols.length === FIGURE_COLUMNS.length) url.searchParams.delete('cols');
  else url.searchParams.set('cols', view.cols.join(','));
  history.replaceState(null, '', url);
}

function selectRows(rows: CompareRow[], view: View): CompareRow[] {
  const filtered = rows.filter(
    (r) =>
      (!view.year || String(r.year) === view.year) &&
      (!view.province || r.province === view.province) &&
      (!view.level || r.level === view.level),
  );
  if (!view.sort) return filtered;
  const sign = view.dir === 'asc' ? 1 : -1;
  return filtered.sort((a, b) => {
    const x = columnValue(a, view.sort);
    const y = columnValue(b, view.sort);
    // Missing values sort last in either direction.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y), 'zh-CN');
  });
}

function visibleColumns(view: View): CompareColumn[] {
  return [...IDENTITY_COLUMNS, ...FIGURE_COLUMNS.filter((c) => view.cols.includes(c.key))];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = el('a', text);
  a.href = href;
  return a;
}

function renderHead(table: HTMLTableElement, columns: CompareColumn[], view: View, onSort: (key: string) => void): void {
  const tr = el('tr');
  for (const c of columns) {
    const th = el('th', undefined, c.kind === 'text' ? '' : 'num');
    th.scope = 'col';
    if (c.title) th.title = c.title;
    const sorted = view.sort === c.key;
    th.setAttribute('aria-sort', sorted ? (view.dir === 'asc' ? 'ascending' : 'descending') : 'none');
    const button = el('button', c.zh, 'sort-button');
    button.type = 'button';
    button.append(el('span', sorted ? (view.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕', 'sort-icon'));
    button.querySelector('.sort-icon')!.setAttribute('aria-hidden', 'true');
    button.addEventListener('click', () => onSort(c.key));
    th.append(button);
    tr.append(th);
  }
  table.tHead!.replaceChildren(tr);
}

function renderRow(row: CompareRow, columns: CompareColumn[]): HTMLTableRowElement {
  const tr = el('tr');
  for (const c of columns) {
    const text = columnText(row, c);
    const cell = c.key === 'agency' ? el('th') : el('td', undefined, c.kind === 'text' ? '' : 'num');
    if (c.key === 'agency') {
      (cell as HTMLTableCellElement).scope = 'row';
      cell.append(link(row.agencyUrl, text));
    } else if (c.key === 'year') {
      cell.append(link(row.url, text));
    } else {
      cell.textContent = text;
      if (text === NO_VALUE) cell.title = NO_VALUE_TITLE;
    }
    tr.append(cell);
  }
  return tr;
}

function csvOf(rows: CompareRow[], columns: CompareColumn[]): string {
  const header = [...columns.map((c) => `${c.zh} (${c.key})`), '报告页面 (url)'];
  const body = rows.map((r) => [
    ...columns.map((c) => columnValue(r, c.key)),
    new URL(r.url, window.location.origin).href,
  ]);
  return toCsv([header, ...body]);
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = link(url, name);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

async function loadRows(root: HTMLElement): Promise<CompareRow[]> {
  const urls = JSON.parse(root.dataset.chunks ?? '[]') as string[];
  const chunks = await Promise.all(
    urls.map(async (u) => {
      const response = await fetch(u);
      if (!response.ok) throw new Error(`${u}: ${response.status}`);
      return (await response.json()) as CompareRow[];
    }),
  );
  return chunks.flat();
}

export async function initCompare(root: HTMLElement): Promise<void> {
  const form = root.querySelector<HTMLFormElement>('[data-compare-controls]');
  const table = root.querySelector<HTMLTableElement>('[data-compare-table]');
  const status = root.querySelector<HTMLElement>('[data-compare-status]');
  const more = root.querySelector<HTMLButtonElement>('[data-compare-more]');
  const csvButton = root.querySelector<HTMLButtonElement>('[data-compare-csv]');
  const pagination = root.querySelector<HTMLElement>('[data-compare-pagination]');
  if (!form || !table || !status || !more || !csvButton || !pagination) return;

  let rows: CompareRow[];
  try {
    rows = await loadRows(root);
  } catch {
    // Without the data the static table stays as it is, with its pagination.
    return;
  }

  const view = readView();
  let shown = BATCH;
  let selected: CompareRow[] = [];

  const syncForm = () => {
    for (const key of FILTERS) (form.elements.namedItem(key) as HTMLSelectElement).value = view[key];
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="cols"]')) box.checked = view.cols.includes(box.value);
  };

  const render = () => {
    selected = selectRows(rows, view);
    const columns = visibleColumns(view);
    renderHead(table, columns, view, (key) => {
      view.dir = view.sort === key && view.dir === 'asc' ? 'desc' : 'asc';
      view.sort = key;
      writeView(view);
      render();
      table.tHead?.querySelector<HTMLButtonElement>(`th:nth-child(${columns.findIndex((c) => c.key === key) + 1}) button`)?.focus();
    });
    table.tBodies[0].replaceChildren(...selected.slice(0, shown).map((r) => renderRow(r, columns)));
    table.caption!.textContent = `各报告的主要数字（符合条件的 ${selected.length} 份，共 ${rows.length} 份）`;
    status.textContent = `显示 ${Math.min(shown, selected.length)} / ${selected.length} 份报告`;
    more.hidden = selected.length <= shown;
  };

  form.addEventListener('change', () => {
    for (const key of FILTERS) view[key] = (form.elements.namedItem(key) as HTMLSelectElement).value;
    view.cols = [...form.querySelectorAll<HTMLInputElement>('input[name="cols"]:checked')].map((b) => b.value);
    shown = BATCH;
    writeView(view);
    render();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  more.addEventListener('click', () => {
    shown += BATCH;
    render();
  });
  csvButton.addEventListener('click', () => download('compare-view.csv', csvOf(selected, visibleColumns(view))));

  syncForm();
  form.hidden = false;
  pagination.hidden = true;
  render();
}
