/** PNG rendering: Chinese text is drawn with the CJK font as real glyphs (not boxes, not nothing). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BuildFont, CJK_FAMILY, CJK_FONT_ENV, CjkFontMissingError, FontSubsetter, findCjkFont } from '../../src/charts/font';
import { svgToPng } from '../../src/charts/png';
import { FONT_FAMILY } from '../../src/charts/svg';
import { escapeXml } from '../../src/charts/text';
import { PNG } from 'pngjs';
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
        font: {
          fontFiles: [path.join(dir, 'subset.otf')],
          loadSystemFonts: false,
          defaultFontFamily: CJK_FAMILY,
        },
      })
        .render()
        .asPng();
      expect(pngStats(png).dark).toBeGreaterThan(200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** resvg's rendering of `svg` with `font` as the only font file. */
async function renderWith(svg: string, font: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'charts-font-'));
  try {
    await writeFile(path.join(dir, 'font.otf'), font);
    return new Resvg(svg, {
      font: {
        fontFiles: [path.join(dir, 'font.otf')],
        loadSystemFonts: false,
        defaultFontFamily: CJK_FAMILY,
      },
    })
      .render()
      .asPng();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("BuildFont (the font narrowed to the build's characters)", () => {
  it('cuts subsets that draw exactly what subsets of the whole font draw, and much smaller sources', async () => {
    const full = await FontSubsetter.open(findCjkFont());
    const font = new BuildFont(full);
    font.include('伊宁市人民政府殷都区办公室');
    const svg = textSvg('伊宁市人民政府');
    const fromNarrowed = await renderWith(svg, font.subset(svg));
    const fromFull = await renderWith(svg, full.subset(svg));
    expect(pngStats(fromNarrowed).dark).toBeGreaterThan(300);
    expect(Buffer.compare(fromNarrowed, fromFull)).toBe(0);
    // The narrowed copy holds the included characters only, not the whole font's tens of thousands.
    const narrowed = full.narrow('伊宁市人民政府殷都区办公室');
    expect(narrowed.unicodes.size).toBe(13);
    expect(narrowed.covers('殷都区')).toBe(true);
    expect(narrowed.covers('洛阳')).toBe(false);
  });

  it('grows when a chart brings characters it has not seen', async () => {
    const font = new BuildFont(await FontSubsetter.open(findCjkFont()));
    font.include('伊宁市');
    const svg = textSvg('偃师区伊洛街道');
    expect(pngStats(await renderWith(svg, font.subset(svg))).dark).toBeGreaterThan(300);
  });
});

describe('svgToPng', () => {
  afterEach(() => vi.restoreAllMocks());

  it("draws on the charts' white background: half-transparent red comes out pink, nothing transparent", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect width="2" height="2" fill="#ff0000" fill-opacity="0.5"/></svg>';
    const img = PNG.sync.read(await svgToPng(svg));
    expect([img.width, img.height]).toEqual([8, 4]);
    expect([...img.data.subarray(0, 4)]).toEqual([255, 127, 127, 255]);
    // The right half, where nothing is drawn, is white.
    expect([...img.data.subarray((8 * 2 + 7) * 4, (8 * 2 + 8) * 4)]).toEqual([255, 255, 255, 255]);
  });

  it('warns about characters no loaded font can draw, and still renders the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const png = await svgToPng(textSvg('伊宁\u{1F600}'));
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/no glyph in Noto Sans CJK SC for: \u{1F600}/u));
    expect(pngStats(png).dark).toBeGreaterThan(100);
  });

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
    const withoutFont = new Resvg(textSvg('伊宁市人民政府'), {
      font: { loadSystemFonts: false },
    })
      .render()
      .asPng();
    expect(pngStats(withoutFont).dark).toBe(0);
    expect(pngStats(await svgToPng(textSvg('伊宁市人民政府'))).dark).toBeGreaterThan(0);
  });
});
