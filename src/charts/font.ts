/**
 * The CJK font for PNG rendering. Chinese labels need a CJK font loaded explicitly (resvg draws nothing,
 * silently, for glyphs it has no font for), and resvg's text layout slows down with the size of the font
 * file (the whole Noto Sans CJK: ~20 ms per text run, seconds per chart; a subset of 4,000 characters
 * still doubles a chart's render time). So each chart is rendered with a subset of the font holding only
 * the characters it uses, made with HarfBuzz's subsetter (WebAssembly).
 *
 * Cutting a subset from the 20 MB font costs ~30 ms, and the cost grows with the source font, so the
 * font is first narrowed ONCE to the characters of all the build's charts (a few hundred KB, ~0.1 s), and
 * each chart's subset is then cut from that narrowed, preprocessed font (~2 ms).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The family of the system's Noto Sans CJK: a .ttc holds JP, KR, SC, TC… faces, and this one is taken. */
export const SYSTEM_CJK_FAMILY = 'Noto Sans CJK SC';
/** Environment variable naming a CJK font file to use instead of the known locations. */
export const CJK_FONT_ENV = 'CHART_CJK_FONT';

/** Where distributions install Noto Sans CJK (Debian/Ubuntu: apt package fonts-noto-cjk). */
const CJK_FONT_LOCATIONS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', // Debian, Ubuntu: fonts-noto-cjk
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', // Arch: noto-fonts-cjk
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', // Fedora: google-noto-sans-cjk-fonts
];

/**
 * The CJK font that `npm install` brings: Noto Sans SC as TrueType files (resvg and HarfBuzz read TTF/OTF, not the
 * WOFF2 of the @fontsource packages). It has every ideograph of U+4E00–U+9FFF and Extension A, as the system font.
 */
export const NPM_CJK_FONT = {
  package: '@expo-google-fonts/noto-sans-sc',
  family: 'Noto Sans SC',
  regular: '400Regular/NotoSansSC_400Regular.ttf',
  bold: '700Bold/NotoSansSC_700Bold.ttf',
} as const;

/** A CJK font found on this machine: its files, the face to take from them, and where it came from. */
export interface CjkFont {
  regular: string;
  /** The bold file (titles are bold), when there is one. */
  bold: string | null;
  /** The family of the face to use (a collection holds several); a single font's only face is used regardless. */
  family: string;
  /** Where it was found, for the build log: `CHART_CJK_FONT`, `system` or the npm package's name. */
  origin: string;
}

export class CjkFontMissingError extends Error {
  constructor(detail: string) {
    super(
      `PNG 图表需要中文字体，未找到：${detail}。` +
        `Run npm install (it installs ${NPM_CJK_FONT.package}), install the Debian package fonts-noto-cjk ` +
        `or set ${CJK_FONT_ENV}=/path/to/NotoSansCJK-Regular.ttc. Without it Chinese labels would render blank.`,
    );
    this.name = 'CjkFontMissingError';
  }
}

/** The system's Noto Sans CJK, when a distribution package installed it. */
export function findSystemCjkFont(): CjkFont | null {
  const regular = CJK_FONT_LOCATIONS.find((p) => existsSync(p));
  return regular ? { regular, bold: boldVariant(regular), family: SYSTEM_CJK_FAMILY, origin: 'system' } : null;
}

/** The npm package's Noto Sans SC, when it is installed (resolved from the project root, as harfbuzzjs below). */
export function findNpmCjkFont(): CjkFont | null {
  let dir: string;
  try {
    dir = dirname(createRequire(join(process.cwd(), 'package.json')).resolve(`${NPM_CJK_FONT.package}/package.json`));
  } catch {
    return null;
  }
  const regular = join(dir, NPM_CJK_FONT.regular);
  if (!existsSync(regular)) return null;
  const bold = join(dir, NPM_CJK_FONT.bold);
  return { regular, bold: existsSync(bold) ? bold : null, family: NPM_CJK_FONT.family, origin: NPM_CJK_FONT.package };
}

/**
 * The CJK font for chart PNGs: the file named by CHART_CJK_FONT, else the system's Noto Sans CJK, else the npm
 * package's Noto Sans SC. Throws CjkFontMissingError when there is none.
 */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont {
  const override = env[CJK_FONT_ENV];
  if (override) {
    if (!existsSync(override)) throw new CjkFontMissingError(`${CJK_FONT_ENV}=${override} does not exist`);
    return { regular: override, bold: boldVariant(override), family: SYSTEM_CJK_FAMILY, origin: CJK_FONT_ENV };
  }
  const found = findSystemCjkFont() ?? findNpmCjkFont();
  if (!found) throw new CjkFontMissingError(`none of ${CJK_FONT_LOCATIONS.join(', ')}, nor the npm package ${NPM_CJK_FONT.package}`);
  return found;
}

/** The bold file next to a regular one, when installed (titles are bold). */
function boldVariant(regular: string): string | null {
  const bold = regular.replace(/Regular(\.\w+)$/, 'Bold$1');
  return bold !== regular && existsSync(bold) ? bold : null;
}

// The raw exports of harfbuzz-subset.wasm (a standalone module with no imports).
interface HbSubsetExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
  hb_subset_preprocess(face: number): number;
  _initialize?(): void;
}

const HB_MEMORY_MODE_READONLY = 1;

let subsetModule: Promise<WebAssembly.Module> | undefined;
/**
 * The compiled subsetter. Each font gets an instance of its own: an instance's memory is fixed at 68 MB,
 * and the regular and bold files (20 MB each) plus the work space of a large subset do not fit in one.
 */
function loadSubsetModule(): Promise<WebAssembly.Module> {
  // Resolved from the project root: inside Astro's build this module runs from a bundled chunk elsewhere.
  const require = createRequire(join(process.cwd(), 'package.json'));
  subsetModule ??= WebAssembly.compile(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')));
  return subsetModule;
}

/**
 * Index of the face named `family` in a font file (a .ttc holds JP, KR, SC, TC… faces), else 0 (a single font's only
 * face); with the family the chosen face really has, which is what resvg must be asked for.
 */
async function faceIndex(data: Uint8Array, family: string): Promise<{ index: number; family: string; unicodes: Set<number> }> {
  // Loaded on first use: only PNG rendering needs HarfBuzz.
  const { Blob: HbBlob, Face: HbFace } = await import('harfbuzzjs');
  const blob = new HbBlob(data);
  const isCollection = data[0] === 0x74 && data[1] === 0x74 && data[2] === 0x63 && data[3] === 0x66; // 'ttcf'
  const count = isCollection ? new DataView(data.buffer, data.byteOffset).getUint32(8) : 1;
  let chosen = 0;
  for (let i = 0; i < count; i++) {
    if (new HbFace(blob, i).getName(1, 'en') === family) {
      chosen = i;
      break;
    }
  }
  const face = new HbFace(blob, chosen);
  return { index: chosen, family: face.getName(1, 'en') || family, unicodes: new Set(face.collectUnicodes()) };
}

const codePoints = (text: string) => new Set(Array.from(text, (ch) => ch.codePointAt(0) as number));

/** One font loaded into a subsetter instance's memory, ready to cut subsets from. */
export class FontSubsetter {
  private constructor(
    private readonly module: WebAssembly.Module,
    private readonly hb: HbSubsetExports,
    private readonly face: number,
    /** The face's family name (subsets keep it): what resvg is asked for. */
    readonly family: string,
    /** Code points the face can draw. */
    readonly unicodes: Set<number>,
  ) {}

  /** The face named `family` of a font file (its only face, whatever its name, for a single font). */
  static async open(file: string, family = SYSTEM_CJK_FAMILY): Promise<FontSubsetter> {
    const module = await loadSubsetModule();
    const data = readFileSync(file);
    const face = await faceIndex(data, family);
    return FontSubsetter.load(module, data, face.index, face.family, face.unicodes, false);
  }

  private static load(
    module: WebAssembly.Module,
    data: Uint8Array,
    index: number,
    family: string,
    unicodes: Set<number>,
    preprocess: boolean,
  ): FontSubsetter {
    const hb = new WebAssembly.Instance(module, {}).exports as unknown as HbSubsetExports;
    hb._initialize?.(); // a reactor module: runs its static constructors
    const ptr = hb.malloc(data.byteLength);
    if (!ptr) throw new Error('HarfBuzz has no memory for the font');
    new Uint8Array(hb.memory.buffer).set(data, ptr);
    // The font stays in wasm memory for the whole build: every chart's subset is cut from it.
    const blob = hb.hb_blob_create(ptr, data.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
    let face = hb.hb_face_create(blob, index);
    hb.hb_blob_destroy(blob);
    if (preprocess) {
      // Tables parsed once for all later subsets: cutting a chart's subset then takes ~2 ms instead of ~8.
      const prepared = hb.hb_subset_preprocess(face);
      hb.hb_face_destroy(face);
      face = prepared;
    }
    return new FontSubsetter(module, hb, face, family, unicodes);
  }

  /** True when the face can draw every character of `text`. */
  covers(text: string): boolean {
    for (const cp of codePoints(text)) if (!this.unicodes.has(cp)) return false;
    return true;
  }

  /** A standalone OpenType font with just the glyphs for `text` (plus what layout needs). */
  subset(text: string): Buffer {
    return this.cut(codePoints(text));
  }

  /**
   * A subsetter over the part of this font that `text` needs (characters the font lacks are left out):
   * cutting subsets from it is much faster than from the whole font. Throws when HarfBuzz cannot cut it
   * (its memory is bounded: about 5,000 characters of Noto Sans CJK at most).
   */
  narrow(text: string): FontSubsetter {
    const wanted = new Set([...codePoints(text)].filter((cp) => this.unicodes.has(cp)));
    return FontSubsetter.load(this.module, this.cut(wanted), 0, this.family, wanted, true);
  }

  private cut(codes: Set<number>): Buffer {
    const { hb } = this;
    const input = hb.hb_subset_input_create_or_fail();
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const cp of codes) hb.hb_set_add(unicodes, cp);
    const subset = hb.hb_subset_or_fail(this.face, input);
    hb.hb_subset_input_destroy(input);
    if (!subset) throw new Error('HarfBuzz could not subset the CJK font');
    const blob = hb.hb_face_reference_blob(subset);
    const offset = hb.hb_blob_get_data(blob, 0);
    // Copy out of wasm memory before freeing: the memory may be reused.
    const font = Buffer.from(new Uint8Array(hb.memory.buffer, offset, hb.hb_blob_get_length(blob)));
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
    return font;
  }
}

/**
 * A font for the whole build: the full file, and a copy narrowed to the characters of the charts seen so
 * far (see the top of this file). Subsets are cut from the narrowed copy; it grows when a chart brings new
 * characters, and if it cannot grow (HarfBuzz's memory), such charts are cut from the full font (slower, same glyphs).
 */
export class BuildFont {
  private narrowed: FontSubsetter | null = null;
  private canGrow = true;

  constructor(readonly full: FontSubsetter) {}

  /** Add `text`'s characters to the narrowed copy: given the text of all charts at once, the font is narrowed once. */
  include(text: string): void {
    this.narrowedFor(text);
  }

  /** A standalone font with the glyphs for `text`, the same as the full font's subset(). */
  subset(text: string): Buffer {
    return (this.narrowedFor(text) ?? this.full).subset(text);
  }

  /** The narrowed copy, grown to `text`'s characters if need be; null when it cannot hold them. */
  private narrowedFor(text: string): FontSubsetter | null {
    // Characters the font lacks are drawn by no font (png.ts warns); they never make the copy grow.
    const drawable = [...new Set(text)].filter((ch) => this.full.unicodes.has(ch.codePointAt(0) as number)).join('');
    if (this.narrowed?.covers(drawable)) return this.narrowed;
    if (!this.canGrow) return null;
    const held = this.narrowed ? String.fromCodePoint(...this.narrowed.unicodes) : '';
    try {
      this.narrowed = this.full.narrow(held + drawable);
      return this.narrowed;
    } catch (error) {
      console.warn(
        `[charts] ${this.full.family} not narrowed further (${(error as Error).message}); charts with new characters are cut from the whole font, more slowly`,
      );
      this.canGrow = false;
      return null;
    }
  }
}
