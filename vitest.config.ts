import { configDefaults, defineConfig } from 'vitest/config';

/** Tests that need the built site: tests/setup/build-site.ts builds it once per run, only when one of them runs. */
const SITE_TESTS = ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'];
/** Tests of the site published under a sub-path: tests/setup/build-subpath.ts builds it once per run, only for them. */
const SUBPATH_TESTS = ['tests/subpath/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
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
