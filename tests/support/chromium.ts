/**
 * The Chromium that the tests drive with playwright-core (browser tests, and printing the PDF fixtures): the system's
 * (/usr/bin/chromium, or CHROMIUM_PATH), else the headless Chromium shipped inside the npm package @sparticuz/chromium,
 * unpacked once into .cache/ (`npx playwright install`, which downloads a browser, is never used).
 *
 * Chinese needs a CJK font. Where the system has no Noto CJK, the browser gets a fontconfig file that adds the
 * Noto Sans SC that npm installs (the chart PNGs' font, src/charts/font.ts; prepared for printing by print-font.ts) to
 * the system's fonts, so pages and printed PDFs show glyphs, not boxes. npm's Chromium also needs its own copies of NSS and expat (LD_LIBRARY_PATH), which a
 * bare machine lacks.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { extract } from 'tar-fs';
import { findSystemCjkFont } from '../../src/charts/font';
import { PROJECT_ROOT } from '../setup/site';
import { DROID_FAMILY, printableNpmCjkFonts } from './print-font';

/** Where Debian's chromium package puts the browser. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
/** The npm package whose Chromium is used when the system has none. */
export const NPM_CHROMIUM_PACKAGE = '@sparticuz/chromium';
/** Arguments for every launch: no sandbox (tests run as root in CI), no GPU, no background traffic. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** A browser to launch: the executable, where it came from, and the environment it needs beyond ours. */
export interface ChromiumChoice {
  executablePath: string;
  origin: 'CHROMIUM_PATH' | 'system' | typeof NPM_CHROMIUM_PACKAGE;
  env: Record<string, string>;
}

/** True for an executable regular file (a device bound over a path, as in a namespace hiding it, is not one). */
function isExecutableFile(path: string): boolean {
  try {
    return statSync(path).isFile() && (statSync(path).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** The folder and version of an installed package whose exports hide its package.json: up from its entry point. */
async function npmPackage(name: string): Promise<{ dir: string; version: string }> {
  let dir = dirname(createRequire(join(PROJECT_ROOT, 'package.json')).resolve(name));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name: found, version } = JSON.parse(await readFile(manifest, 'utf8')) as { name?: string; version: string };
      if (found === name) return { dir, version };
    }
    if (dirname(dir) === dir) throw new Error(`no package.json of ${name} above its entry point`);
    dir = dirname(dir);
  }
}

/**
 * The npm package's Chromium, unpacked into .cache/chromium-<version>/ on first use: the browser, the libraries it
 * needs (lib/) and its fonts (fonts/). Unpacked into a temporary folder then renamed, so test files launching at the
 * same time never see half a browser.
 */
export async function unpackNpmChromium(): Promise<string> {
  const { dir: packageDir, version } = await npmPackage(NPM_CHROMIUM_PACKAGE);
  const cache = join(PROJECT_ROOT, '.cache');
  const target = join(cache, `chromium-${version}`);
  if (existsSync(join(target, 'chromium'))) return target;
  await mkdir(cache, { recursive: true });
  const work = await mkdtemp(join(cache, `chromium-${version}-unpacking-`));
  try {
    const bin = join(packageDir, 'bin');
    await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(join(work, 'chromium')));
    await chmod(join(work, 'chromium'), 0o755);
    // al2023.tar.br holds lib/ (NSS, NSPR, expat), fonts.tar.br holds fonts/ (Open Sans) and a fonts.conf we do not use.
    for (const archive of ['al2023.tar.br', 'fonts.tar.br']) {
      await pipeline(createReadStream(join(bin, archive)), createBrotliDecompress(), extract(work));
    }
    await rename(work, target).catch((error: NodeJS.ErrnoException) => {
      // Another process finished first: its copy is the same.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return target;
}

/**
 * A fontconfig file for the browser (FONTCONFIG_FILE): the system's configuration, when there is one and `system` is
 * true, plus the font folders `dirs`; its cache in .cache/.
 */
export async function fontconfigFile(dirs: string[], system = true, families: Record<string, string> = {}): Promise<string> {
  const cache = join(PROJECT_ROOT, '.cache');
  await mkdir(cache, { recursive: true });
  const xml = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <cachedir>${join(cache, 'fontconfig')}</cachedir>`,
    ...(system ? ['  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>'] : []),
    ...dirs.map((dir) => `  <dir>${dir}</dir>`),
    // The fonts of a folder offered under another family name (print-font.ts).
    ...Object.entries(families).map(
      ([dir, family]) =>
        `  <match target="scan"><test name="file" compare="contains"><string>${dir}/</string></test><edit name="family" mode="assign" binding="same"><string>${family}</string></edit></match>`,
    ),
    '</fontconfig>',
    '',
  ].join('\n');
  const file = join(cache, `fonts-${createHash('sha256').update(xml).digest('hex').slice(0, 12)}.conf`);
  if (!existsSync(file)) {
    const temporary = `${file}.${process.pid}`;
    await writeFile(temporary, xml);
    await rename(temporary, file);
  }
  return file;
}

let choice: Promise<ChromiumChoice> | undefined;

/** The browser the tests use (decided once per process): CHROMIUM_PATH, else the system's, else npm's. */
export function findChromium(): Promise<ChromiumChoice> {
  choice ??= (async (): Promise<ChromiumChoice> => {
    const override = process.env.CHROMIUM_PATH;
    // npm's Noto Sans SC only where the system has no Noto CJK: with it, the system's fonts are used unchanged.
    const npmFonts = findSystemCjkFont() ? null : await printableNpmCjkFonts();
    const fontDirs = npmFonts ? [npmFonts.noto, npmFonts.droid] : [];
    const families: Record<string, string> = npmFonts ? { [npmFonts.droid]: DROID_FAMILY } : {};
    if (override || isExecutableFile(SYSTEM_CHROMIUM)) {
      const env: Record<string, string> = fontDirs.length ? { FONTCONFIG_FILE: await fontconfigFile(fontDirs, true, families) } : {};
      return { executablePath: override || SYSTEM_CHROMIUM, origin: override ? 'CHROMIUM_PATH' : 'system', env };
    }
    const dir = await unpackNpmChromium();
    const conf = await fontconfigFile([join(dir, 'fonts'), ...fontDirs], true, families);
    const libraryPath = [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
    return { executablePath: join(dir, 'chromium'), origin: NPM_CHROMIUM_PACKAGE, env: { LD_LIBRARY_PATH: libraryPath, FONTCONFIG_FILE: conf } };
  })();
  return choice;
}

/** Launches the tests' Chromium headless (see findChromium), or the browser `choice` names. */
export async function launchChromium(options: LaunchOptions = {}, choice?: ChromiumChoice): Promise<Browser> {
  const { executablePath, env } = choice ?? (await findChromium());
  const environment = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return chromium.launch({ ...options, executablePath, args: [...CHROMIUM_ARGS, ...(options.args ?? [])], env: { ...environment, ...env } });
}
