/** The report page redraws tables B and C faithfully and shows rule breaks next to the numbers they concern. */
import { describe, expect, inject, it } from 'vitest';
import { HTMLElement } from 'node-html-parser';
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS } from '../../src/schema';
import { findReport, readPage, readReports, text } from './html';
import { GROUP_LINE_LABEL, TABLE_HEADERS, tablesShown } from '../../src/lib/search/table-headers';

const dist = inject('siteDist');
const reports = readReports(inject('siteData'));
const page = (agency: string, year: number) => {
  const report = findReport(reports, agency, year);
  return { report, html: readPage(dist, `/reports/${report.id}/`) };
};
/** The text of a number cell without the rule-break marks inside it. */
const cellText = (td: HTMLElement) =>
  td.childNodes
    .filter((n) => !(n instanceof HTMLElement && n.classList.contains('break-mark')))
    .map((n) => n.textContent)
    .join('')
    .trim();
const numbers = (row: HTMLElement) => row.querySelectorAll('td').map(cellText);
const column = (key: string) => APPLICANT_COLUMNS.findIndex((c) => c.key === key);

/** The table cell showing a value path of table B or C, e.g. `requests.received.natural`, `appeals.review.total`. */
function cellAt(html: HTMLElement, path: string): HTMLElement | undefined {
  const parts = path.split('.');
  const [table, col, row] = [parts[0], parts.at(-1)!, parts.slice(1, -1).join('.')];
  if (table === 'requests') return html.querySelector(`#requests-${row.replace('.', '-')}`)?.querySelectorAll('td')[column(col)];
  const group = APPEAL_GROUPS.findIndex((g) => g.key === row);
  return html.querySelectorAll('#appeals tbody td')[group * APPEAL_COLUMNS.length + APPEAL_COLUMNS.findIndex((c) => c.key === col)];
}

describe('伊宁市人民政府 2024', () => {
  const { report, html } = page('伊宁市人民政府', 2024);

  it('shows table B row 予以公开 as printed: 13 natural persons, 6 legal service institutions, 19 in total', () => {
    const row = html.querySelector('#requests-disclosed')!;
    expect(text(row.querySelector('th[scope=row]'))).toContain('予以公开');
    const cells = numbers(row);
    expect(cells).toHaveLength(APPLICANT_COLUMNS.length);
    expect(cells[column('natural')]).toBe('13');
    expect(cells[column('legal')]).toBe('6');
    expect(cells[column('total')]).toBe('19');
  });

  it('lists its B1 and N1 rule breaks with plain-language explanations', () => {
    const items = html.querySelectorAll('#requests .rule-breaks li');
    const rules = items.map((li) => text(li.querySelector('strong')));
    expect(rules).toContain('B1');
    expect(rules).toContain('N1');
    expect(text(items.find((li) => text(li.querySelector('strong')) === 'B1'))).toContain('本年新收 + 上年结转 = 办理总计 + 结转下年度');
  });

  it('marks every cell a rule break concerns, linking to the break', () => {
    expect(report.checks.length).toBeGreaterThan(0);
    report.checks.forEach((brk, i) => {
      for (const path of brk.cells) {
        const td = cellAt(html, path);
        expect(td, path).toBeDefined();
        expect(td!.classList.contains('cell-break'), path).toBe(true);
        expect(td!.querySelectorAll('a.break-mark').map((a) => a.getAttribute('href'))).toContain(`#break-${i + 1}`);
      }
    });
    // Unconcerned cells stay unmarked: 予以公开 is not part of B1 or N1.
    expect(html.querySelector('#requests-disclosed td.cell-break')).toBeNull();
  });

  it('draws table B with the official two-level header and grouped rows', () => {
    const table = html.querySelector('#requests table')!;
    expect(text(table.querySelector('caption'))).toContain('收到和处理政府信息公开申请情况');
    expect(table.querySelector('thead th[colspan="5"]')?.textContent).toContain('法人或其他组织');
    expect(table.querySelector('tbody th[scope=rowgroup][rowspan="8"]')?.textContent).toContain('不予公开');
  });

  it('offers the source file with its SHA-256 and the JSON and CSV downloads', () => {
    expect(html.querySelector(`a[href="/sources/${report.source.path}"]`)).not.toBeNull();
    expect(text(html.querySelector('#source'))).toContain(report.source.sha256);
    expect(html.querySelector(`a[href="/reports/${report.id}.json"]`)).not.toBeNull();
    expect(html.querySelector(`a[href="/reports/${report.id}.csv"]`)).not.toBeNull();
  });

  it('links to the charts drawn from it', () => {
    const links = html.querySelectorAll('#charts a').map((a) => a.getAttribute('href'));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(new RegExp(`^/charts/report-${report.id}-[a-z-]+/$`));
  });

  it('gives a citation with the absolute permalink', () => {
    expect(text(html.querySelector('#cite'))).toMatch(new RegExp(`https?://[^ ]+/reports/${report.id}/`));
  });
});

describe('殷都区人民政府办公室 2024', () => {
  it('shows 3 reconsiderations corrected in table C', () => {
    const { html } = page('殷都区人民政府办公室', 2024);
    const cells = numbers(html.querySelector('#appeals tbody tr')!);
    expect(cells).toHaveLength(15);
    expect(cells[APPEAL_COLUMNS.findIndex((c) => c.key === 'corrected')]).toBe('3');
  });
});

describe('伊美区人民政府办公室 2023', () => {
  it('shows a visible, explained marker for each blank cell and lists the diagnostics', () => {
    const { report, html } = page('伊美区人民政府办公室', 2023);
    const blanks = report.diagnostics.filter((d) => d.path && /^requests\./.test(d.path));
    expect(blanks.length).toBeGreaterThan(0);
    const markers = html.querySelectorAll('td .null-cell');
    expect(markers.length).toBeGreaterThan(0);
    for (const m of markers) expect(m.getAttribute('title')).toMatch(/空/);
    expect(html.querySelectorAll('#diagnostics tbody tr')).toHaveLength(report.diagnostics.length);
  });
});

describe('official table headers (matched by the search page, not indexed)', () => {
  const headerTexts = (table: HTMLElement) => new Set(table.querySelectorAll('th').map((th) => text(th).replace(/\s+/g, '')));
  const squeeze = (texts: string[]) => new Set(texts.map((t) => t.replace(/\s+/g, '')));

  it.each(reports.map((r) => [r.agency.name, r.year] as const))('%s %i: the headers printed are those the search page knows', (agency, year) => {
    const { report, html } = page(agency, year);
    const shown = tablesShown(report);
    const filterValues = html.querySelectorAll('[data-pagefind-filter="table"]').map((span) => text(span));
    expect(filterValues).toEqual(shown.filter((table) => !TABLE_HEADERS[table].everyReportPage));
    for (const table of shown) {
      const element = html.querySelector(`#${TABLE_HEADERS[table].section} table`);
      expect(element, table).not.toBeNull();
      const printed = headerTexts(element!);
      // A group the report printed as one line gets a row of its own, labelled by the site, not the template.
      printed.delete(GROUP_LINE_LABEL);
      expect(printed, table).toEqual(squeeze(TABLE_HEADERS[table].headers));
    }
  });
});

describe('how each table was read', () => {
  it('says beside tables A, B and C of every seed report how their numbers were placed, from the report’s own counts', () => {
    for (const report of reports) {
      const html = readPage(dist, `/reports/${report.id}/`);
      for (const table of ['proactive', 'requests', 'appeals'] as const) {
        const note = html.querySelector(`#${table} .placement-note`);
        expect(note, `${report.id} ${table}`).not.toBeNull();
        const p = report.placement[table];
        expect(note!.getAttribute('data-placement')).toBe(p.method);
        expect(text(note)).toContain('读取方式');
        if (p.method === 'label') expect(text(note)).toContain(`${p.byLabel} 个数字均按原文中紧挨的行、列标签读取`);
        if (p.unread > 0) expect(text(note)).toContain(`${p.unread} 个数字无法证明属于哪一行`);
      }
    }
  });
});
