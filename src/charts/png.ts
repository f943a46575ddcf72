/** PNG rendering of chart SVGs with resvg and the CJK font (see font.ts for why it is subset per chart). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { CJK_FAMILY, FontSubsetter, boldVariant, findCjkFont } from './font';
import { PNG_SCALE } from './png-settings';

interface LoadedFonts {
  regular: FontSubsetter;
  bold: FontSubsetter | null;
}

let fonts: Promise<LoadedFonts> | undefined;
/** Loaded once per build; a missing font rejects with CjkFontMissingError (every PNG then fails loudly). */
function loadFonts(): Promise<LoadedFonts> {
  fonts ??= (async () => {
    const regular = findCjkFont();
    const bold = boldVariant(regular);
    return { regular: await FontSubsetter.open(regular), bold: bold ? await FontSubsetter.open(bold) : null };
  })();
  return fonts;
}

/** Render `svg` to PNG at PNG_SCALE. Throws CjkFontMissingError when no CJK font is installed. */
export async function svgToPng(svg: string): Promise<Buffer> {
  const { regular, bold } = await loadFonts();
  const missing = [...new Set(svg)].filter((ch) => !regular.unicodes.has(ch.codePointAt(0) as number));
  if (missing.length) console.warn(`[charts] no glyph in ${CJK_FAMILY} for: ${missing.join(' ')}`);

  // resvg reads fonts from files; the subsets live only for this render.
  const dir = mkdtempSync(join(tmpdir(), 'chart-fonts-'));
  try {
    const files = [regular, bold].flatMap((font, i) => {
      if (!font) return [];
      const file = join(dir, `${i}.otf`);
      writeFileSync(file, font.subset(svg));
      return [file];
    });
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: PNG_SCALE },
      font: { fontFiles: files, loadSystemFonts: false, defaultFontFamily: CJK_FAMILY },
    });
    return resvg.render().asPng();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
