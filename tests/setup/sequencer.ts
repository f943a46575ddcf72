/**
 * The order test files start in: the longest first (the classic longest-processing-time rule), so that the two
 * workers finish together instead of one running a long file alone at the end. A file's length is its duration in
 * this checkout's last run (vitest's results cache) when there is one, else its duration in a fresh-clone run
 * (tests/setup/durations.json, written by tests/setup/durations.mjs), else 0. Vitest's own order on a fresh clone is
 * by file size, which started the PDF shapes (a short file, the longest run) 145 s in and ended the run with the
 * web shapes and the accessibility checks: 1,137 s, against 1,029 s for this order with the same durations.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import durations from './durations.json' with { type: 'json' };

const FRESH_CLONE_SECONDS: Record<string, number> = durations.seconds;

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = (spec: TestSpecification): number => {
      const key = `${spec.project.name}:${relative(root, spec.moduleId).split('\\').join('/')}`;
      const last = this.ctx.cache.getFileTestResults(key);
      return last ? last.duration / 1000 : (FRESH_CLONE_SECONDS[key] ?? 0);
    };
    return [...files].sort((a, b) => seconds(b) - seconds(a));
  }
}
