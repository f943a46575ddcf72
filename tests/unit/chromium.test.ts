/**
 * The tests' Chromium (tests/support/chromium.ts): the system's where installed, else the one inside the npm package
 * @sparticuz/chromium, which unpacks, launches and renders Chinese with npm's Noto Sans SC when it is the only CJK font.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNpmCjkFont } from '../../src/charts/font';
import { aliasesOfIdeographs, characterMap, extensionAAliases, printableNpmCjkFonts } from '../support/print-font';
import { extractPdf } from '../../src/pipeline/read/formats/pdf-extract';
import { repairRadicals } from '../../src/pipeline/read/formats/radicals';
import {
  NPM_CHROMIUM_PACKAGE,
  SYSTEM_CHROMIUM,
  findChromium,
  fontconfigFile,
  launchChromium,
  unpackNpmChromium,
  type ChromiumChoice,
} from '../support/chromium';

// 胶 shares its glyph with 㬵 (U+3B35) in Noto Sans SC: the printed text must still read 胶.
const TEXT = '伊宁市人民政府殷都区胶州市';
const PAGE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><p style="font: 24px serif">${TEXT}</p></body></html>`;

/** The fonts Chromium really drew the paragraph with (DevTools protocol), by family, with their glyph counts. */
async function fontsUsed(page: Page): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'p' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  return Object.fromEntries(fonts.map((f) => [f.familyName, f.glyphCount]));
}

/** The text of a printed PDF, read back as the pipeline reads PDFs (radicals that CFF fonts map ideographs to repaired). */
async function pdfText(pdf: Buffer): Promise<string> {
  const pages = await extractPdf(new Uint8Array(pdf));
  return repairRadicals(pages.flatMap((p) => p.items.map((i) => i.str)).join(''));
}

describe('the Chromium the tests use', () => {
  it('is the system one where /usr/bin/chromium is installed, else npm\'s', async () => {
    const choice = await findChromium();
    if (process.env.CHROMIUM_PATH) expect(choice.origin).toBe('CHROMIUM_PATH');
    else expect(choice.origin).toBe(existsSync(SYSTEM_CHROMIUM) && statSync(SYSTEM_CHROMIUM).isFile() ? 'system' : NPM_CHROMIUM_PACKAGE);
  });

  it('renders Chinese as glyphs of a CJK font and prints it to a PDF whose text reads back', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent(PAGE);
      const used = await fontsUsed(page);
      const cjk = Object.entries(used).filter(([family]) => /CJK|Noto Sans SC|Droid Sans Fallback/.test(family));
      expect(cjk.reduce((n, [, glyphs]) => n + glyphs, 0), JSON.stringify(used)).toBe(TEXT.length);
      expect(await pdfText(await page.pdf())).toContain(TEXT);
    } finally {
      await browser.close();
    }
  });
});

describe(`npm's Chromium (${NPM_CHROMIUM_PACKAGE}) with npm's Noto Sans SC as its only CJK font`, () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = await unpackNpmChromium();
    // No system configuration: only the package's Open Sans and npm's Noto Sans SC, as on a machine without fonts.
    const choice: ChromiumChoice = {
      executablePath: join(dir, 'chromium'),
      origin: NPM_CHROMIUM_PACKAGE,
      env: { LD_LIBRARY_PATH: join(dir, 'lib'), FONTCONFIG_FILE: await fontconfigFile([join(dir, 'fonts'), (await printableNpmCjkFonts()).noto], false) },
    };
    browser = await launchChromium({}, choice);
  }, 120_000);
  afterAll(() => browser?.close());

  it('is unpacked once into .cache/ with the libraries it needs', () => {
    expect(statSync(join(dir, 'chromium')).mode & 0o111).not.toBe(0);
    for (const lib of ['libnss3.so', 'libnspr4.so', 'libexpat.so.1']) expect(existsSync(join(dir, 'lib', lib)), lib).toBe(true);
  });

  it('draws every character with Noto Sans SC and prints a PDF whose text reads back', async () => {
    const page = await browser.newPage();
    await page.setContent(PAGE);
    expect(await fontsUsed(page)).toEqual({ 'Noto Sans SC': TEXT.length });
    expect(await pdfText(await page.pdf())).toContain(TEXT);
  });
});

describe("npm's Noto Sans SC prepared for printing", () => {
  it('leaves out exactly the Extension A code points that share a unified ideograph\'s glyph, and nothing else', async () => {
    const original = characterMap(readFileSync(findNpmCjkFont()!.regular));
    const aliases = extensionAAliases(original);
    expect(aliases.map((cp) => String.fromCodePoint(cp))).toContain('㬵');
    expect(original.get(0x3b35)).toBe(original.get('胶'.codePointAt(0)!));
    const fonts = await printableNpmCjkFonts();
    const printed = characterMap(readFileSync(join(fonts.noto, basename(findNpmCjkFont()!.regular))));
    expect(printed.size).toBe(original.size - aliases.length);
    for (const cp of aliases) expect(printed.has(cp)).toBe(false);
    expect(printed.has('胶'.codePointAt(0)!)).toBe(true);
    expect(printed.has(0x2f00)).toBe(true); // ⼀, drawn as 一: kept, as Noto CJK has it
    // The copy standing in for Droid Sans Fallback has no radical either.
    const radicals = aliasesOfIdeographs(original, [[0x2e80, 0x2fdf]]);
    expect(radicals.length).toBeGreaterThan(200);
    const droid = characterMap(readFileSync(join(fonts.droid, basename(findNpmCjkFont()!.regular))));
    expect(droid.size).toBe(original.size - aliases.length - radicals.length);
    expect(droid.has(0x2f00)).toBe(false);
  });
});
