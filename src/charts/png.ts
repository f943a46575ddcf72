/**
 * PNG rendering of chart SVGs with resvg and the CJK font. Each chart is drawn with a subset of the font
 * holding only its characters, cut from a copy narrowed to the build's characters (see font.ts). Drawing
 * (resvg's renderAsync) and PNG encoding (sharp) run on libuv's thread pool, so a build keeps rendering
 * pages on the main thread meanwhile and both cores are busy.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RenderedImage } from '@resvg/resvg-js';
import sharp from 'sharp';
import type { ChartEntry } from './catalog';
import { BuildFont, FontSubsetter, findCjkFont } from './font';
import { PNG_SCALE } from './png-settings';
import { COLORS } from './svg';

interface LoadedFonts {
  regular: BuildFont;
  bold: BuildFont | null;
}

/**
 * Options of the allocator (mimalloc) built into resvg's native module, read from the environment once, when the module
 * loads. A chart's pixels are two buffers of width × height × 4 bytes (the drawing, and its copy handed to sharp), 6–19 MB
 * at twice the SVG size, allocated anew for every PNG. mimalloc gives freed memory back to the system after 10 ms by
 * default, so every PNG faulted its buffers in again page by page (3,000–10,000 page faults, about 10 µs each on the
 * 2-core VM the benchmarks ran on): half of a PNG's CPU. Kept for a second instead, the buffers are reused from one
 * chart to the next (the PNGs are the same bytes). A value set in the environment wins.
 */
export const RESVG_ALLOCATOR_ENV = { MIMALLOC_PURGE_DELAY: '1000' } as const;

let resvg: Promise<typeof import('@resvg/resvg-js')> | undefined;
/** resvg's native module, loaded on first use with RESVG_ALLOCATOR_ENV set (a static import would load it first). */
function loadResvg(): Promise<typeof import('@resvg/resvg-js')> {
  resvg ??= (() => {
    for (const [name, value] of Object.entries(RESVG_ALLOCATOR_ENV)) process.env[name] ??= value;
    return import('@resvg/resvg-js');
  })();
  return resvg;
}

let fonts: Promise<LoadedFonts> | undefined;
/**
 * Loaded once per build (the system's Noto Sans CJK, else npm's Noto Sans SC; named once in the build log); a missing
 * font rejects with CjkFontMissingError (every PNG then fails loudly).
 */
function loadFonts(): Promise<LoadedFonts> {
  fonts ??= (async () => {
    const font = findCjkFont();
    const regular = await FontSubsetter.open(font.regular, font.family);
    console.log(`[charts] PNG font: ${regular.family} (${font.origin}: ${font.regular})`);
    return {
      regular: new BuildFont(regular),
      bold: font.bold ? new BuildFont(await FontSubsetter.open(font.bold, font.family)) : null,
    };
  })();
  return fonts;
}

/**
 * Narrow the fonts to `text`'s characters before the first PNG: with the text of every chart of the
 * build, the font is cut once instead of growing chart by chart. Optional (svgToPng narrows as it goes).
 */
export async function preparePngFonts(text: string): Promise<void> {
  const { regular, bold } = await loadFonts();
  regular.include(text);
  bold?.include(text);
}

/**
 * Every character of the charts' SVGs that comes from their data, and printable ASCII (the markup, numbers,
 * URLs); the frame's few fixed words are added by the first chart.
 */
export function chartCharacters(charts: Iterable<ChartEntry>): string {
  const seen = new Set<string>(Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)));
  const add = (text: string | null | undefined) => {
    if (text) for (const ch of text) seen.add(ch);
  };
  for (const c of charts) {
    [c.title, c.subtitle, c.description, c.unit, c.source.text, ...c.notes].forEach(add);
    for (const r of c.rows) [r.label, r.group, r.unit, r.nullLabel].forEach(add);
    if (c.layout.type === 'trend') [...c.layout.xLabels, ...c.layout.series.map((s) => s.group)].forEach(add);
  }
  return [...seen].join('');
}

/**
 * Render `svg` to PNG at PNG_SCALE, on the charts' white background (transparent parts come out white).
 * Throws CjkFontMissingError when no CJK font is installed.
 */
export async function svgToPng(svg: string): Promise<Buffer> {
  const { regular, bold } = await loadFonts();
  // Each character once: the SVG is tens of KB, its distinct characters a few hundred.
  const characters = [...new Set(svg)];
  const missing = characters.filter((ch) => !regular.full.unicodes.has(ch.codePointAt(0) as number));
  if (missing.length) console.warn(`[charts] no glyph in ${regular.full.family} for: ${missing.join(' ')}`);

  const text = characters.join('');
  const subsets = [regular, bold].flatMap((font) => (font ? [font.subset(text)] : []));
  // resvg reads fonts from files only (the Node binding takes no buffers); the subsets live only for this render.
  const dir = await mkdtemp(join(tmpdir(), 'chart-fonts-'));
  try {
    const files = await Promise.all(
      subsets.map(async (data, i) => {
        const file = join(dir, `${i}.otf`);
        await writeFile(file, data);
        return file;
      }),
    );
    const { renderAsync } = await loadResvg();
    const image = await renderAsync(svg, {
      fitTo: { mode: 'zoom', value: PNG_SCALE },
      background: COLORS.background,
      font: {
        fontFiles: files,
        loadSystemFonts: false,
        defaultFontFamily: regular.full.family,
      },
    });
    return await encodePng(image);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Lossless zlib level for the PNG files: level 4 is ~35 % faster to write than 6 and 5 % larger. With
 * sharp the files are a third smaller than resvg's own asPng() and take less than half the time to write.
 */
const PNG_COMPRESSION = 4;

/**
 * PNG (RGB) of resvg's pixels. resvg gives premultiplied RGBA; drawn on an opaque background every alpha
 * is 255, where premultiplied and plain colours are the same, so the alpha channel is simply dropped.
 */
function encodePng(image: RenderedImage): Promise<Buffer> {
  return sharp(image.pixels, {
    raw: { width: image.width, height: image.height, channels: 4 },
  })
    .removeAlpha()
    .png({ compressionLevel: PNG_COMPRESSION })
    .toBuffer();
}
