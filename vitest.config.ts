import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/** Tests that need the built site: tests/setup/build-site.ts builds it once per run, only when one of them runs. */
const SITE_TESTS = ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'];
/** Tests of the site published under a sub-path: tests/setup/build-subpath.ts builds it once per run, only for them. */
const SUBPATH_TESTS = ['tests/subpath/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Two test files at once even on two cores (vitest's default is one fewer than the cores): the shape tests wait on
    // Chromium, LibreOffice and pdftotext much of their time. The whole run took 1,152 s with one at a time and
    // 1,024 s with two (fresh clone, 2026-12-04).
    // Vitest's own order (larger files first on a fresh clone) is kept: measured on fresh clones the same day (vitest's
    // duration), it took 1,137 s; longest first (by a fresh run's durations) 1,180 s, as it ran the PDF and LibreOffice
    // shapes side by side (LibreOffice 480 s instead of 186 s); the shape tests one at a time in a pool of their own
    // beside two workers over 1,300 s (the PDF shapes got a third of the machine: 916 s); an order planned to keep two
    // shape tests apart 1,180 s (the other files ran faster than planned, and two met again).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 600_000,
    projects: [
      {
        extends: true,
        test: { name: 'offline', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SITE_TESTS, ...SUBPATH_TESTS] },
      },
      { extends: true, test: { name: 'site', include: SITE_TESTS, globalSetup: ['tests/setup/build-site.ts'] } },
      { extends: true, test: { name: 'subpath', include: SUBPATH_TESTS, globalSetup: ['tests/setup/build-subpath.ts'] } },
    ],
  },
});
