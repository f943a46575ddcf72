/** PNG rendering: Chinese text is drawn with the CJK font as real glyphs (not boxes, not nothing). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { CJK_FAMILY, CJK_FONT_ENV, CjkFontMissingError, FontSubsetter, findCjkFont } from '../../src/charts/font';
import { svgToPng } from '../../src/charts/png';
import { FONT_FAMILY } from '../../src/charts/svg';
import { escapeXml } from '../../src/charts/text';
import { pngStats } from './helpers';

const textSvg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="40" font-family="${escapeXml(FONT_FAMILY)}">` +
  `<rect width="240" height="40" fill="#fff"/><text x="4" y="30" font-size="24" fill="#000">${escapeXml(text)}</text></svg>`;

describe('CJK font', () => {
  it('is found at a known location or from CHART_CJK_FONT', () => {
    expect(findCjkFont()).toMatch(/\.(ttc|otf|ttf)$/);
  });

  it('fails loudly, naming the package to install, when the font is missing', () => {
    expect(() => findCjkFont({ [CJK_FONT_ENV]: '/nonexistent/font.ttc' })).toThrow(CjkFontMissingError);
    expect(() => findCjkFont({ [CJK_FONT_ENV]: '/nonexistent/font.ttc' })).toThrow(/fonts-noto-cjk/);
  });

  it('subsets to a small font that still has the requested glyphs', async () => {
    const font = await FontSubsetter.open(findCjkFont());
    for (const ch of '伊宁市人民政府') expect(font.unicodes.has(ch.codePointAt(0) as number)).toBe(true);
    const subset = font.subset('伊宁市人民政府');
    expect(subset.length).toBeGreaterThan(1000);
    expect(subset.length).toBeLessThan(200_000);
    const dir = await mkdtemp(path.join(tmpdir(), 'charts-font-'));
    try {
      await writeFile(path.join(dir, 'subset.otf'), subset);
      const png = new Resvg(textSvg('伊宁市人民政府'), {
        font: { fontFiles: [path.join(dir, 'subset.otf')], loadSystemFonts: false, defaultFontFamily: CJK_FAMILY },
      })
        .render()
        .asPng();
      expect(pngStats(png).dark).toBeGreaterThan(200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('svgToPng', () => {
  it('renders Chinese as glyphs: ink where the text is, different characters give different pixels', async () => {
    const a = await svgToPng(textSvg('伊宁市人民政府'));
    const b = await svgToPng(textSvg('殷都区政府办公'));
    expect(pngStats(a).dark).toBeGreaterThan(300);
    expect(pngStats(b).dark).toBeGreaterThan(300);
    // Missing-glyph boxes ("tofu") look the same for every character; real glyphs do not.
    expect(Buffer.compare(a, b)).not.toBe(0);
    expect(Math.abs(pngStats(a).dark - pngStats(b).dark)).toBeGreaterThan(20);
  });

  it('owes the glyphs to the loaded font: without it resvg draws nothing', async () => {
    const withoutFont = new Resvg(textSvg('伊宁市人民政府'), { font: { loadSystemFonts: false } }).render().asPng();
    expect(pngStats(withoutFont).dark).toBe(0);
    expect(pngStats(await svgToPng(textSvg('伊宁市人民政府'))).dark).toBeGreaterThan(0);
  });
});
