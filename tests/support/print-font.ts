/**
 * npm's Noto Sans SC prepared for Chromium on a machine without a system CJK font (tests/support/chromium.ts).
 *
 * Chromium writes a PDF's text layer from the font's character map, glyph by glyph, and where several code points
 * share a glyph it writes the lowest. In Noto Sans SC a few ideographs share their glyph with a code point of CJK
 * Extension A (胶 with 㬵, …), so a printed 胶州市 would read back as 㬵州市: text the page never had. The copies made
 * here leave those Extension A code points out (the font draws the same). The radicals that share glyphs with
 * ideographs (⼀ with 一), which Chromium writes with the system's Noto CJK too and the PDF reader repairs
 * (src/pipeline/read/formats/radicals.ts), stay in the copy standing in for Noto CJK and leave the one standing in
 * for Droid Sans Fallback, as the system fonts behave in CI.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Blob as HbBlob, Face as HbFace } from 'harfbuzzjs';
import { FontSubsetter, NPM_CJK_FONT, findNpmCjkFont } from '../../src/charts/font';
import { PROJECT_ROOT } from '../setup/site';

const URO = [0x4e00, 0x9fff] as const;
const EXTENSION_A = [0x3400, 0x4dbf] as const;
/** CJK Radicals Supplement and Kangxi Radicals. */
const RADICALS = [0x2e80, 0x2fdf] as const;
const within = (cp: number, [from, to]: readonly [number, number]) => cp >= from && cp <= to;

/** Code point → glyph from a font's format 12 character map (Unicode full repertoire). */
export function characterMap(font: Uint8Array): Map<number, number> {
  const cmap = new HbFace(new HbBlob(font), 0).referenceTable('cmap');
  if (!cmap) throw new Error('font without a cmap table');
  const view = new DataView(cmap.buffer, cmap.byteOffset, cmap.byteLength);
  for (let i = 0; i < view.getUint16(2); i++) {
    const offset = view.getUint32(4 + i * 8 + 4);
    if (view.getUint16(offset) !== 12) continue;
    const map = new Map<number, number>();
    const groups = view.getUint32(offset + 12);
    for (let g = 0; g < groups; g++) {
      const at = offset + 16 + g * 12;
      const [start, end, glyph] = [view.getUint32(at), view.getUint32(at + 4), view.getUint32(at + 8)];
      for (let cp = start; cp <= end; cp++) map.set(cp, glyph + cp - start);
    }
    return map;
  }
  throw new Error('font without a format 12 character map');
}

/** Extension A code points drawn with the glyph of a unified ideograph (U+4E00–U+9FFF). */
export function extensionAAliases(map: Map<number, number>): number[] {
  return aliasesOfIdeographs(map, [EXTENSION_A]);
}

/** Code points in `ranges` drawn with the glyph of a unified ideograph (U+4E00–U+9FFF). */
export function aliasesOfIdeographs(map: Map<number, number>, ranges: readonly (readonly [number, number])[]): number[] {
  const ideographGlyphs = new Set([...map].filter(([cp]) => within(cp, URO)).map(([, glyph]) => glyph));
  return [...map].filter(([cp, glyph]) => ranges.some((r) => within(cp, r)) && ideographGlyphs.has(glyph)).map(([cp]) => cp);
}

/** The two copies: folders of font files, and the family fontconfig is to give each folder's fonts (null: their own). */
export interface PrintFonts {
  /** Noto Sans SC without its Extension A aliases: radicals still written for some ideographs, as with Noto CJK. */
  noto: string;
  /** Without any alias (radicals too), offered as "Droid Sans Fallback": whose PDFs, like Droid's, carry no radicals. */
  droid: string;
}

/** The family the print CSS asks for first in its TrueType variant (src/generator/render-html.ts PRINT_FONTS). */
export const DROID_FAMILY = 'Droid Sans Fallback';

/**
 * Folders holding npm's Noto Sans SC (regular and bold) in the two copies of PrintFonts, made once per package version
 * in .cache/ (seconds: HarfBuzz cuts the copies) and shared by every later launch. The print CSS's TrueType variant
 * asks for Droid Sans Fallback, which CI has and prints without radicals; the Noto variant asks for Noto CJK, which
 * prints some ideographs as radicals: the copies keep that difference where neither system font is installed.
 */
export async function printableNpmCjkFonts(): Promise<PrintFonts> {
  const font = findNpmCjkFont();
  if (!font) throw new Error(`no CJK font for Chromium: neither the system's Noto CJK nor ${NPM_CJK_FONT.package} (run npm install)`);
  const version = (JSON.parse(await readFile(join(font.regular, '../../package.json'), 'utf8')) as { version: string }).version;
  const cache = join(PROJECT_ROOT, '.cache');
  const target = join(cache, `print-fonts-noto-sans-sc-${version}-v2`);
  const fonts: PrintFonts = { noto: join(target, 'noto'), droid: join(target, 'droid') };
  if (existsSync(target)) return fonts;
  await mkdir(cache, { recursive: true });
  const work = await mkdtemp(`${target}-making-`);
  try {
    const copies = [
      { dir: 'noto', ranges: [EXTENSION_A] },
      { dir: 'droid', ranges: [RADICALS, EXTENSION_A] },
    ] as const;
    for (const file of [font.regular, ...(font.bold ? [font.bold] : [])]) {
      const map = characterMap(await readFile(file));
      const subsetter = await FontSubsetter.open(file, font.family);
      for (const copy of copies) {
        const left = new Set(aliasesOfIdeographs(map, copy.ranges));
        await mkdir(join(work, copy.dir), { recursive: true });
        await writeFile(join(work, copy.dir, basename(file)), subsetter.subset(String.fromCodePoint(...[...map.keys()].filter((cp) => !left.has(cp)))));
      }
    }
    await rename(work, target).catch((error: NodeJS.ErrnoException) => {
      // Another process made it first: the same files.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return fonts;
}
