// ESLint 9 flat config: typescript-eslint's recommended rules, imports first and no import cycles (import-x),
// no unused code. `npm run lint` runs it; `.ci/run` runs it before the tests. .astro files are type-checked by
// `npm run typecheck` (astro check) and their imports are covered by tests/unit/layering.test.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'data/', '.cache/', '.astro/', 'node_modules/', 'test-results/', '**/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,mjs,js}'],
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.d.ts', '.mjs', '.js', '.json'] })],
    },
    rules: {
      // Sanitisers and the generator match control characters on purpose.
      'no-control-regex': 'off',
      // Full-width spaces (U+3000) are part of the Chinese text the generator writes.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true }],
      'import-x/first': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
);
