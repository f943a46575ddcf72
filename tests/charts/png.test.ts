/**
 * PNG rendering: Chinese text is drawn with the CJK font as real glyphs (not boxes, not nothing), with the system's
 * Noto Sans CJK when installed and with the Noto Sans SC that npm installs otherwise (both are tested where both exist).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BuildFont,
  CJK_FONT_ENV,
  CjkFontMissingError,
  FontSubsetter,
  NPM_CJK_FONT,
  SYSTEM_CJK_FAMILY,
  findCjkFont,
  findNpmCjkFont,
  findSystemCjkFont,
  type CjkFont,
} from '../../src/charts/font';
import { svgToPng } from '../../src/charts/png';
import { FONT_FAMILY } from '../../src/charts/svg';
import { escapeXml } from '../../src/charts/text';
import { PNG } from 'pngjs';
import { pngStats } from './helpers';

const textSvg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="40" font-family="${escapeXml(FONT_FAMILY)}">` +
  `<rect width="240" height="40" fill="#fff"/><text x="4" y="30" font-size="24" fill="#000">${escapeXml(text)}</text></svg>`;

/** The fonts on this machine: npm's always (npm install brings it), the system's where a package installed it. */
const npmFont = findNpmCjkFont();
const fonts: CjkFont[] = [findSystemCjkFont(), npmFont].filter((f): f is CjkFont => f !== null);

/** The 6,763 ideographs of GB 2312 (rows 16–87 of its 94×94 table), the set every Chinese font must draw. */
function gb2312Hanzi(): string {
  const bytes: number[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) for (let cell = 0xa1; cell <= 0xfe; cell++) if (!(row === 0xd7 && cell > 0xf9)) bytes.push(row, cell);
  return iconv.decode(Buffer.from(bytes), 'gb2312');
}

/** Every non-ASCII character written in the chart and schema sources: the charts' fixed words and the table labels. */
function sourceLabels(): string {
  const root = path.resolve(import.meta.dirname, '../../src');
  let text = '';
  for (const dir of ['charts', 'schema']) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.(ts|astro)$/.test(entry.name)) text += readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    }
  }
  return [...new Set(text.replace(/[\x00-\x7f]/g, ''))].join('');
}

describe('CJK font', () => {
  it('is the system Noto Sans CJK where installed, else the npm package\'s Noto Sans SC', () => {
    const system = findSystemCjkFont();
    const found = findCjkFont({});
    expect(found).toEqual(system ?? npmFont);
    expect(found.regular).toMatch(/\.(ttc|otf|ttf)$/);
    expect(found.family).toBe(system ? SYSTEM_CJK_FAMILY : NPM_CJK_FONT.family);
  });

  it('comes with npm install: Noto Sans SC regular and bold, TrueType files', () => {
    expect(npmFont).not.toBeNull();
    expect(npmFont!.origin).toBe(NPM_CJK_FONT.package);
    for (const file of [npmFont!.regular, npmFont!.bold!]) {
      // TrueType outlines (0x00010000), not WOFF2 ('wOF2'), which resvg cannot read.
      expect(readFileSync(file).readUInt32BE(0), file).toBe(0x00010000);
    }
  });

  it('fails loudly, naming what to install, when the font named by CHART_CJK_FONT is missing', () => {
    expect(() => findCjkFont({ [CJK_FONT_ENV]: '/nonexistent/font.ttc' })).toThrow(CjkFontMissingError);
    expect(() => findCjkFont({ [CJK_FONT_ENV]: '/nonexistent/font.ttc' })).toThrow(/npm install.*fonts-noto-cjk/);
  });

  it('npm\'s Noto Sans SC draws every GB 2312 ideograph and every label the chart and schema sources write', async () => {
    const font = await FontSubsetter.open(npmFont!.regular, npmFont!.family);
    expect(font.family).toBe('Noto Sans SC');
    const hanzi = gb2312Hanzi();
    expect([...hanzi].length).toBe(6763);
    const labels = sourceLabels();
    expect(labels).toContain('未填报');
    const missing = [...hanzi + labels].filter((ch) => !font.unicodes.has(ch.codePointAt(0) as number));
    expect(missing.join('')).toBe('');
  });

  for (const cjk of fonts) {
    it(`subsets ${cjk.family} (${cjk.origin}) to a small font that still has the requested glyphs`, async () => {
      const font = await FontSubsetter.open(cjk.regular, cjk.family);
      expect(font.family).toBe(cjk.family);
      for (const ch of '伊宁市人民政府') expect(font.unicodes.has(ch.codePointAt(0) as number)).toBe(true);
      const subset = font.subset('伊宁市人民政府');
      expect(subset.length).toBeGreaterThan(1000);
      expect(subset.length).toBeLessThan(200_000);
      const dir = await mkdtemp(path.join(tmpdir(), 'charts-font-'));
      try {
        await writeFile(path.join(dir, 'subset.otf'), subset);
        // No default family: the SVG's font-family list itself must name the font.
        const png = new Resvg(textSvg('伊宁市人民政府'), { font: { fontFiles: [path.join(dir, 'subset.otf')], loadSystemFonts: false } })
          .render()
          .asPng();
        expect(pngStats(png).dark).toBeGreaterThan(200);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});

/** resvg's rendering of `svg` with `font` (of `family`) as the only font file. */
async function renderWith(svg: string, font: Buffer, family: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'charts-font-'));
  try {
    await writeFile(path.join(dir, 'font.otf'), font);
    return new Resvg(svg, {
      font: {
        fontFiles: [path.join(dir, 'font.otf')],
        loadSystemFonts: false,
        defaultFontFamily: family,
      },
    })
      .render()
      .asPng();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.each(fonts.map((f) => [`${f.family} (${f.origin})`, f] as const))("BuildFont (the font narrowed to the build's characters): %s", (_, cjk) => {
  it('cuts subsets that draw exactly what subsets of the whole font draw, and much smaller sources', async () => {
    const full = await FontSubsetter.open(cjk.regular, cjk.family);
    const font = new BuildFont(full);
    font.include('伊宁市人民政府殷都区办公室');
    const svg = textSvg('伊宁市人民政府');
    const fromNarrowed = await renderWith(svg, font.subset(svg), full.family);
    const fromFull = await renderWith(svg, full.subset(svg), full.family);
    expect(pngStats(fromNarrowed).dark).toBeGreaterThan(300);
    expect(Buffer.compare(fromNarrowed, fromFull)).toBe(0);
    // The narrowed copy holds the included characters only, not the whole font's tens of thousands.
    const narrowed = full.narrow('伊宁市人民政府殷都区办公室');
    expect(narrowed.unicodes.size).toBe(13);
    expect(narrowed.family).toBe(full.family);
    expect(narrowed.covers('殷都区')).toBe(true);
    expect(narrowed.covers('洛阳')).toBe(false);
  });

  it('grows when a chart brings characters it has not seen', async () => {
    const full = await FontSubsetter.open(cjk.regular, cjk.family);
    const font = new BuildFont(full);
    font.include('伊宁市');
    const svg = textSvg('偃师区伊洛街道');
    expect(pngStats(await renderWith(svg, font.subset(svg), full.family)).dark).toBeGreaterThan(300);
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
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`no glyph in ${findCjkFont().family} for: \u{1F600}`, 'u')));
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
