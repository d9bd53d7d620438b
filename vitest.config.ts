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
const tier = (name: string, include: string[], pool: 'forks' | 'threads' = 'forks') => ({
  extends: true,
  test: { name, include, pool },
});

export default getViteConfig({
  test: {
    projects: [
      // Threads: the unit files spend most of their time importing, and threads start and share that faster
      // than processes (43 s → 28 s on the 2-core VM); the server tiers keep separate processes.
      tier('unit', ['tests/unit/**/*.test.ts', 'tests/samples/**/*.test.ts'], 'threads'),
      tier('build', ['tests/build/**/*.test.ts']),
      tier('integration', ['tests/integration/**/*.test.ts']),
      tier('load', ['tests/load/**/*.test.ts']),
    ],
    // npm test gives each run its own report file; a run by hand writes .tmp/vitest.json.
    reporters: ['default', ['json', { outputFile: process.env['VITEST_JSON'] ?? '.tmp/vitest.json' }]],
  },
});
