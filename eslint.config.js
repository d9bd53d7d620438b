// @ts-check
/**
 * `npm run lint`: the recommended JavaScript and typescript-eslint rules, and eslint-plugin-astro for .astro
 * files. Formatting is Prettier's job (.prettierrc.json), so no stylistic rules here.
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.tmp/',
      'node_modules/',
      'test-results/',
      'tests/fixtures/',
      'content/**/sample.*',
      'public/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // An empty catch is how the code says "this may fail, and that is fine" (storage, optional cleanup).
      'no-empty': ['error', { allowEmptyCatch: true }],
      // An unused name is a leftover; a leading underscore says it is unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
);
