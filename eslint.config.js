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
  {
    // The layers (README › Layout): src/lib/ is pure, so it reads no disk, speaks no HTTP, and imports neither the
    // disk readers, the server, the newsletter service nor Astro's content layer.
    files: ['src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(node:)?(fs|http|https|net|child_process)(/.*)?$',
              message: 'src/lib/ is pure: no disk, no HTTP.',
            },
            {
              regex: '(^|/)(content-files|server|newsletter|data|pages)/',
              message: 'src/lib/ is the bottom layer: it imports only src/lib/ and packages.',
            },
          ],
        },
      ],
    },
  },
  {
    // A route's `_` helpers are its own; what two routes share lives outside src/pages/ (src/data/, src/lib/).
    files: ['src/pages/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./.*/_[^/]*$', message: 'another route’s private helper: move it out of src/pages/' },
          ],
        },
      ],
    },
  },
);
