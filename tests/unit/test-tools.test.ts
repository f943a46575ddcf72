/**
 * Tests needing a Debian-only tool skip visibly where it is missing (tests/support/tools.ts), and .ci/summarize.mjs
 * counts them as skipped with the reason, its last line still "N passed, N failed" (", N skipped" added).
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_MARKER, findTool, titleWithTools, which } from '../support/tools';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const SUMMARIZE = join(root, '.ci/summarize.mjs');

describe('which / findTool', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tools-'));
    await writeFile(join(dir, 'runnable'), '#!/bin/sh\n');
    await chmod(join(dir, 'runnable'), 0o755);
    await writeFile(join(dir, 'plain'), 'not executable');
    await chmod(join(dir, 'plain'), 0o644);
    await mkdir(join(dir, 'folder'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds an executable file on PATH, in PATH order', () => {
    expect(which('node', dirname(process.execPath))).toBe(process.execPath);
    expect(which('runnable', ['/nonexistent', dir].join(delimiter))).toBe(join(dir, 'runnable'));
  });

  it('does not take a non-executable file, a folder or a device for the tool', () => {
    expect(which('plain', dir)).toBeNull();
    expect(which('folder', dir)).toBeNull();
    expect(which('null', '/dev')).toBeNull();
    expect(which('runnable', '')).toBeNull();
  });

  it('names the missing tool and its Debian package; a found tool has no reason', () => {
    const missing = findTool('no-such-tool-14', 'no-such-package', dir);
    expect(missing).toEqual({ name: 'no-such-tool-14', debianPackage: 'no-such-package', path: null, missing: 'no-such-tool-14 not installed (Debian package no-such-package)' });
    const found = findTool('runnable', 'pkg', dir);
    expect([found.path, found.missing]).toEqual([join(dir, 'runnable'), null]);
    expect(titleWithTools('shapes', [missing, found])).toBe(`shapes ${SKIP_MARKER}no-such-tool-14 not installed (Debian package no-such-package)]`);
    expect(titleWithTools('shapes', [found])).toBe('shapes');
  });
});

describe('.ci/summarize.mjs', () => {
  const result = (status: string, title: string, ancestorTitles: string[] = []) => ({ ancestorTitles, title, status, fullName: title });
  async function summarize(testResults: unknown[]): Promise<{ lines: string[]; code: number }> {
    const dir = await mkdtemp(join(tmpdir(), 'summary-'));
    try {
      await writeFile(join(dir, 'vitest.json'), JSON.stringify({ testResults }));
      const out = await run(process.execPath, [SUMMARIZE, join(dir, 'vitest.json')], { cwd: root }).catch(
        (error: { stdout: string; code: number }) => ({ stdout: error.stdout, code: error.code }),
      );
      return { lines: out.stdout.trim().split('\n'), code: 'code' in out ? out.code : 0 };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  it('counts tests skipped for a missing tool with the reason, and ends with "N passed, N failed, N skipped"', async () => {
    const reason = 'pdftotext not installed (Debian package poppler-utils)';
    const { lines, code } = await summarize([
      {
        name: join(root, 'tests/formats/shapes.test.ts'),
        status: 'passed',
        assertionResults: [
          result('passed', 'reads a PDF'),
          result('skipped', 'default mode', [`pdftotext shapes ${SKIP_MARKER}${reason}]`]),
          result('skipped', 'layout mode', [`pdftotext shapes ${SKIP_MARKER}${reason}]`, 'inner']),
        ],
      },
      { name: join(root, 'tests/unit/a.test.ts'), status: 'passed', assertionResults: [result('passed', 'a'), result('skipped', 'later')] },
    ]);
    expect(lines).toEqual([
      'tests by kind: unit 2, formats 3 (5 in 2 files)',
      `skipped: 2 (${reason}), 1 (no reason given)`,
      '2 passed, 0 failed, 3 skipped',
    ]);
    expect(code).toBe(0);
  });

  it('prints the plain last line when nothing was skipped, and fails on a failure', async () => {
    const { lines, code } = await summarize([
      { name: join(root, 'tests/unit/a.test.ts'), status: 'failed', assertionResults: [result('passed', 'a'), result('failed', 'b')] },
    ]);
    expect(lines.at(-1)).toBe('1 passed, 1 failed');
    expect(lines.some((l) => l.startsWith('skipped'))).toBe(false);
    expect(code).toBe(1);
  });
});
