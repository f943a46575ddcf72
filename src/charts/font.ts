/**
 * The CJK font for PNG rendering. Chinese labels need a CJK font loaded explicitly (resvg draws nothing,
 * silently, for glyphs it has no font for), and Noto Sans CJK is large enough that resvg re-parses it
 * slowly for every text run (~20 ms each, seconds per chart). So each chart is rendered with a subset
 * of the font holding only the characters it uses, made with HarfBuzz's subsetter (WebAssembly).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The family the SVGs ask for first (see FONT_FAMILY in svg.ts). */
export const CJK_FAMILY = 'Noto Sans CJK SC';
/** Environment variable naming a CJK font file to use instead of the known locations. */
export const CJK_FONT_ENV = 'CHART_CJK_FONT';

/** Where distributions install Noto Sans CJK (Debian/Ubuntu: apt package fonts-noto-cjk). */
export const CJK_FONT_LOCATIONS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', // Debian, Ubuntu: fonts-noto-cjk
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', // Arch: noto-fonts-cjk
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', // Fedora: google-noto-sans-cjk-fonts
];

export class CjkFontMissingError extends Error {
  constructor(detail: string) {
    super(
      `PNG 图表需要中文字体，未找到：${detail}。` +
        `Install the Debian package fonts-noto-cjk (apt-get install -y fonts-noto-cjk, file ${CJK_FONT_LOCATIONS[0]}) ` +
        `or set ${CJK_FONT_ENV}=/path/to/NotoSansCJK-Regular.ttc. Without it Chinese labels would render blank.`,
    );
    this.name = 'CjkFontMissingError';
  }
}

/** Path of the regular CJK font file; throws CjkFontMissingError when there is none. */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[CJK_FONT_ENV];
  if (override) {
    if (!existsSync(override)) throw new CjkFontMissingError(`${CJK_FONT_ENV}=${override} does not exist`);
    return override;
  }
  const found = CJK_FONT_LOCATIONS.find((p) => existsSync(p));
  if (!found) throw new CjkFontMissingError(`none of ${CJK_FONT_LOCATIONS.join(', ')}`);
  return found;
}

/** The bold file next to a regular one, when installed (titles are bold). */
export function boldVariant(regular: string): string | null {
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
}

const HB_MEMORY_MODE_READONLY = 1;

let subsetModule: Promise<HbSubsetExports> | undefined;
function loadSubsetModule(): Promise<HbSubsetExports> {
  // Resolved from the project root: inside Astro's build this module runs from a bundled chunk elsewhere.
  const require = createRequire(join(process.cwd(), 'package.json'));
  subsetModule ??= WebAssembly.instantiate(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'))).then(
    ({ instance }) => instance.exports as unknown as HbSubsetExports,
  );
  return subsetModule;
}

/** Index of the face named `family` in a font file (a .ttc holds JP, KR, SC, TC… faces); 0 for a single font. */
async function faceIndex(data: Uint8Array, family: string): Promise<{ index: number; unicodes: Set<number> }> {
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
  return { index: chosen, unicodes: new Set(new HbFace(blob, chosen).collectUnicodes()) };
}

/** One font file loaded into the subsetter's memory, ready to cut subsets from. */
export class FontSubsetter {
  private constructor(
    private readonly hb: HbSubsetExports,
    private readonly face: number,
    /** Code points the face can draw. */
    readonly unicodes: Set<number>,
  ) {}

  static async open(file: string, family = CJK_FAMILY): Promise<FontSubsetter> {
    const hb = await loadSubsetModule();
    const data = readFileSync(file);
    const { index, unicodes } = await faceIndex(data, family);
    const ptr = hb.malloc(data.byteLength);
    new Uint8Array(hb.memory.buffer).set(data, ptr);
    // The font stays in wasm memory for the whole build: every chart's subset is cut from it.
    const blob = hb.hb_blob_create(ptr, data.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
    const face = hb.hb_face_create(blob, index);
    hb.hb_blob_destroy(blob);
    return new FontSubsetter(hb, face, unicodes);
  }

  /** A standalone OpenType font with just the glyphs for `text` (plus what layout needs). */
  subset(text: string): Buffer {
    const { hb } = this;
    const input = hb.hb_subset_input_create_or_fail();
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const ch of new Set(text)) hb.hb_set_add(unicodes, ch.codePointAt(0) as number);
    const subset = hb.hb_subset_or_fail(this.face, input);
    hb.hb_subset_input_destroy(input);
    if (!subset) throw new Error('HarfBuzz could not subset the CJK font');
    const blob = hb.hb_face_reference_blob(subset);
    const offset = hb.hb_blob_get_data(blob, 0);
    // Copy out of wasm memory before freeing: the memory may be reused or grow.
    const font = Buffer.from(new Uint8Array(hb.memory.buffer, offset, hb.hb_blob_get_length(blob)));
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
    return font;
  }
}
