/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * One Vitest project per tier, each runnable alone (`npm run test:unit` and the rest, see package.json):
 *   unit         pure code and the code-sample checkers: no build, no server, seconds
 *   build        checks over the built dist/ (`npm run build` first)
 *   integration  the real production server over dist/, on SQLite and PostgreSQL
 *   load         hundreds of concurrent signups and a memory soak: part of `npm run bench`, not `npm test`
 * Astro's Vite config, so tests can import modules that use astro:* virtual modules and import.meta.env.
 */
const tier = (name: string, include: string[]) => ({ extends: true, test: { name, include } });

export default getViteConfig({
  test: {
    projects: [
      tier('unit', ['tests/unit/**/*.test.ts', 'tests/samples/**/*.test.ts']),
      tier('build', ['tests/build/**/*.test.ts']),
      tier('integration', ['tests/integration/**/*.test.ts']),
      tier('load', ['tests/load/**/*.test.ts']),
    ],
    // npm test gives each run its own report file; a run by hand writes .tmp/vitest.json.
    reporters: ['default', ['json', { outputFile: process.env['VITEST_JSON'] ?? '.tmp/vitest.json' }]],
  },
});
