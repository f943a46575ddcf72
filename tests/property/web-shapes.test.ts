/**
 * The parser on the text people make of a report's web page with a terminal browser or pandoc: 1,000 generated pages
 * (every table layout of render-html.ts, site chrome and all) dumped by `w3m -dump`, `lynx -dump` and `pandoc -t
 * plain` (src/generator/shapes/web.ts). Columns kept by display width, numbers stacked one digit a line in narrow
 * columns, blank cells printed as nothing. Every cell of tables A, B and C must be exact or null with a diagnostic:
 * zero wrong, zero silent; the exact/null/wrong table of each shape is printed.
 *
 * The tools come from Debian (w3m, lynx, pandoc, which .ci/run installs); without one its test is skipped with the
 * reason in its title. Dumps are cached under .cache/web-dumps/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDefects, describeMetadata, describeUnnamed, describeUntranslated, measureWebShapes, type ShapeMeasure } from '../../src/bench/shapes';
import { formatTallies } from '../../src/generator/shapes/measure';
import { WEB_SHAPES, type WebShape } from '../../src/generator/shapes/web';
import { lynx, pandoc, titleWithTools, w3m, type Tool } from '../support/tools';

const REPORTS = 1000;
const TOOL: Record<WebShape, Tool> = { 'web-w3m': w3m, 'web-w3m-boxes': w3m, 'web-lynx': lynx, 'web-pandoc': pandoc };

let measures: ShapeMeasure[] = [];

beforeAll(async () => {
  if (WEB_SHAPES.some((s) => !TOOL[s].missing)) measures = await measureWebShapes(REPORTS);
}, 900_000);

afterAll(() => {
  if (measures.length) console.log(`\nweb dump shapes, ${REPORTS} pages:\n${formatTallies(measures.map((m) => [m.shape, m.tally]))}\n`);
});

describe.each(WEB_SHAPES.map((shape) => ({ shape })))('parseReport on the $shape shape', ({ shape }) => {
  const tool = TOOL[shape];
  it.skipIf(!!tool.missing)(titleWithTools(`${REPORTS} reports: every cell of tables A, B and C is exact or null with a diagnostic (zero wrong, zero silent), every diagnostic said in Chinese, naming what it expected and what it found`, [tool]), () => {
    const m = measures.find((x) => x.shape === shape)!;
    expect(m.tally.reports).toBe(REPORTS);
    expect(m.tally.wrong + m.tally.silent + m.tally.crashed, describeDefects(m)).toBe(0);
    expect(m.untranslated.count, describeUntranslated(m)).toBe(0);
    expect(m.unnamed.count, describeUnnamed(m)).toBe(0);
    expect(m.metadata.wrong, describeMetadata(m)).toBe(0);
  });
});

describe(titleWithTools('w3m’s dump of a web page', [w3m]), () => {
  it.skipIf(!!w3m.missing)('reads at least 98 % of the cells exactly (columns by display width, stacked digits joined where the totals prove them)', () => {
    const m = measures.find((x) => x.shape === 'web-w3m')!;
    expect(m.tally.exact / m.tally.cells).toBeGreaterThan(0.98);
  });
});
