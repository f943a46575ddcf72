import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Runs a script with tsx; resolves with its exit code and output instead of rejecting on a non-zero code. */
async function script(name: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', `scripts/${name}.ts`, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('script arguments', () => {
  it('prints the usage for --help and exits 0', async () => {
    const { code, stdout } = await script('data', ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^npm run data -- \[--content <dir>\]/);
    expect(stdout).toContain('--no-cache');
  });

  it('reports an unknown option in one line with the usage, exit code 2, no stack trace', async () => {
    const { code, stderr } = await script('generate', ['--layout', 'tsv']);
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--layout'");
    expect(stderr).toContain('npm run generate -- --n 1000 --out <dir>');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reports an option without its value', async () => {
    const { code, stderr } = await script('bench', ['--sizes']);
    expect(code).toBe(2);
    expect(stderr).toContain("Option '--sizes <value>' argument missing");
  });

  it('checks shape-case’s report number and shape before printing anything', async () => {
    const missing = await script('shape-case', ['--prefix', 'hunt38-pdf']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--i: expected a whole number ≥ 0, found undefined');
    const unknown = await script('shape-case', ['--i', '3', '--shape', 'pdftotext-html']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--shape: unknown PDF shape pdftotext-html');
  });
});
