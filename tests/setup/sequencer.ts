/**
 * The order test files start in, within each pool: the longest first (the longest-processing-time rule), so that the
 * workers finish together instead of one running a long file alone at the end. A file's length is its duration in
 * this checkout's last run (vitest's results cache) when there is one, else its duration in a fresh-clone run
 * (tests/setup/durations.json, written by tests/setup/durations.mjs), else 0. Vitest's own order on a fresh clone is
 * by file size, which started the PDF shapes (a short file, the longest run) 145 s in and ended the run with the web
 * shapes and the accessibility checks (1,137 s of vitest). This order alone, with the shape tests still among the
 * other files, ran the PDF and LibreOffice shapes side by side and took longer (1,180 s): vitest.config.ts gives
 * those their own pool.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import durations from './durations.json' with { type: 'json' };

const FRESH_CLONE_SECONDS: Record<string, number> = durations.seconds;

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = (spec: TestSpecification): number => {
      const file = relative(root, spec.moduleId).split('\\').join('/');
      const last = this.ctx.cache.getFileTestResults(`${spec.project.name}:${file}`);
      return last ? last.duration / 1000 : (FRESH_CLONE_SECONDS[file] ?? 0);
    };
    return [...files].sort((a, b) => seconds(b) - seconds(a));
  }
}
