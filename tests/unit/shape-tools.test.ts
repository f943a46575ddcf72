/**
 * pandocBatch (src/generator/shapes/tools.ts, what pandocTexts uses) reads a batch of pages or Word files in one pandoc run, split at marker
 * paragraphs: each file's text must be the one `pandoc -f <from> -t <to> <file>` prints for that file alone, or the
 * web-pandoc and docx-pandoc-* shapes would measure a text nobody gets. Pages of every table layout and Word files of
 * both templates, in each format the shapes use.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { officeCase } from '../../src/generator/shapes/office';
import { pandocBatch, writeDocxFiles } from '../../src/generator/shapes/tools';
import { webCase } from '../../src/generator/shapes/web';
import { describeWithTool, pandoc } from '../support/tools';

const run = promisify(execFile);
const CASES = 12;
const dir = mkdtempSync(path.join(tmpdir(), 'shape-tools-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** pandoc on one file, as a person runs it. */
async function alone(from: string, to: string, args: string[], file: string): Promise<string> {
  return (await run('pandoc', ['-f', from, '-t', to, ...args, file], { encoding: 'utf8', maxBuffer: 1 << 26 })).stdout;
}

describeWithTool(pandoc, 'pandocBatch: one pandoc run over a batch', () => {
  it(`gives each of ${CASES} web pages the text pandoc -t plain prints for it alone`, async () => {
    const files = Array.from({ length: CASES }, (_, i) => {
      const file = path.join(dir, `${i}.html`);
      writeFileSync(file, webCase('shape-tools', i).html);
      return file;
    });
    const batch = await pandocBatch(files, 'html', 'plain', ['--columns=72'], dir);
    const each = await Promise.all(files.map((f) => alone('html', 'plain', ['--columns=72'], f)));
    expect(batch).toHaveLength(CASES);
    batch!.forEach((text, k) => expect(text, files[k]).toBe(each[k]));
    expect(new Set(batch!).size).toBe(CASES);
  });

  it.each(['plain', 'markdown', 'gfm'])(`gives each of ${CASES} Word files the text pandoc -t %s prints for it alone`, async (to) => {
    const sub = mkdtempSync(path.join(dir, `docx-${to}-`));
    const files = await writeDocxFiles(Array.from({ length: CASES }, (_, i) => officeCase('shape-tools', i)), sub);
    const batch = await pandocBatch(files, 'docx', to, [], sub);
    const each = await Promise.all(files.map((f) => alone('docx', to, [], f)));
    expect(batch).toHaveLength(CASES);
    batch!.forEach((text, k) => expect(text, files[k]).toBe(each[k]));
    expect(new Set(batch!).size).toBe(CASES);
  });
});
