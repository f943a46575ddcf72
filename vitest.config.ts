import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './tests/setup/sequencer';

/** Tests that need the built site: tests/setup/build-site.ts builds it once per run, only when one of them runs. */
const SITE_TESTS = ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'];
/** Tests of the site published under a sub-path: tests/setup/build-subpath.ts builds it once per run, only for them. */
const SUBPATH_TESTS = ['tests/subpath/**/*.test.ts'];
/**
 * The extraction-shape property tests: each drives Chromium, LibreOffice, poppler, MuPDF, pdfminer, w3m, lynx or
 * pandoc over hundreds of reports, several processes at once. Two of them side by side slowed each other several
 * times over (LibreOffice's shapes: 186 s beside the browser tests, 480 s beside the PDF shapes, fresh clone,
 * 2026-12-04), so they run one at a time, in a pool of their own (a thread pool of one), beside the other files'
 * two workers.
 */
const SHAPE_TESTS = ['tests/property/*-shapes.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Two test files at once even on two cores (vitest's default is one fewer than the cores): the shape tests wait on
    // Chromium, LibreOffice and pdftotext much of their time. The whole run took 1,152 s with one at a time and
    // 1,024 s with two (fresh clone, 2026-12-04).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 600_000,
    sequence: { sequencer: LongestFirstSequencer },
    poolOptions: { threads: { maxThreads: 1, minThreads: 1 } },
    projects: [
      {
        extends: true,
        test: { name: 'offline', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SITE_TESTS, ...SUBPATH_TESTS, ...SHAPE_TESTS] },
      },
      { extends: true, test: { name: 'shapes', include: SHAPE_TESTS, pool: 'threads' } },
      { extends: true, test: { name: 'site', include: SITE_TESTS, globalSetup: ['tests/setup/build-site.ts'] } },
      { extends: true, test: { name: 'subpath', include: SUBPATH_TESTS, globalSetup: ['tests/setup/build-subpath.ts'] } },
    ],
  },
});
