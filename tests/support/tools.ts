/**
 * Command-line tools that only Debian provides (poppler's pdftotext, …), for tests that need one. `npm test` must pass
 * on a machine with nothing but Node and npm, so such a test is skipped when its tool is missing — visibly: the skipped
 * block's title carries a `[skipped: …]` marker with the reason, which `.ci/summarize.mjs` prints with the counts.
 * `.ci/run` installs the tools, so CI runs every test.
 *
 *     import { describeWithTool, pdftotext } from '../support/tools';
 *     describeWithTool(pdftotext, 'pdftotext shapes', () => { it(…, () => execFile(pdftotext.path!, …)) });
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe } from 'vitest';
import { pypdfPython } from '../../src/generator/shapes/pdf';

/** A tool looked up on PATH: its path, or null with the reason it is missing. */
export interface Tool {
  name: string;
  /** The Debian package that provides it (what .ci/run installs). */
  debianPackage: string;
  /** Absolute path of the executable, or null when the tool is not installed. */
  path: string | null;
  /** Why a test needing the tool is skipped; null when the tool is there. */
  missing: string | null;
}

/** The marker in a skipped block's title that .ci/summarize.mjs reads (keep the two in step). */
export const SKIP_MARKER = '[skipped: ';

/** The first executable regular file called `name` on PATH (a device or folder of that name is not a tool). */
export function which(name: string, searchPath = process.env.PATH ?? ''): string | null {
  for (const dir of searchPath.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export function findTool(name: string, debianPackage: string, searchPath?: string): Tool {
  const path = which(name, searchPath);
  return { name, debianPackage, path, missing: path ? null : `${name} not installed (Debian package ${debianPackage})` };
}

/** poppler's PDF-to-text converter. */
export const pdftotext = findTool('pdftotext', 'poppler-utils');

/** MuPDF's command-line tool (`mutool draw -F txt`: the text PyMuPDF gives too). */
export const mutool = findTool('mutool', 'mupdf-tools');

/** Terminal web browsers and pandoc: the text people make of a saved web page (src/generator/shapes/web.ts). */
export const w3m = findTool('w3m', 'w3m');
export const lynx = findTool('lynx', 'lynx');
export const pandoc = findTool('pandoc', 'pandoc');

/** pdfminer.six's command-line tool (`pdf2txt`: the text its `extract_text()` gives). */
export const pdfminer = findTool('pdf2txt', 'python3-pdfminer');

/**
 * pypdf (`page.extract_text()`), a Python library, not a command: the tool is the Python that imports it (Debian's
 * python3-pypdf installs it for /usr/bin/python3).
 */
export const pypdf: Tool = (() => {
  const python = pypdfPython();
  return { name: 'pypdf', debianPackage: 'python3-pypdf', path: python, missing: python ? null : 'pypdf not installed (Debian package python3-pypdf)' };
})();

/** LibreOffice: Word files made PDFs or text (src/generator/shapes/office.ts, docx.ts). */
export const soffice = findTool('soffice', 'libreoffice-writer-nogui');

/** The title a block gets: its own, plus the skip marker and reason when a tool it needs is missing. */
export function titleWithTools(title: string, tools: readonly Tool[]): string {
  const reasons = tools.flatMap((t) => (t.missing ? [t.missing] : []));
  return reasons.length ? `${title} ${SKIP_MARKER}${reasons.join('; ')}]` : title;
}

/** `describe` that runs when every tool is installed and is skipped, with the reason in its title, when one is not. */
export function describeWithTool(tools: Tool | readonly Tool[], title: string, body: () => void): void {
  const list: readonly Tool[] = 'name' in tools ? [tools] : tools;
  const missing = list.some((t) => t.missing);
  describe.skipIf(missing)(titleWithTools(title, list), body);
}
