/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so tests can import modules that use astro:* virtual modules and import.meta.env.
export default getViteConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/samples/**/*.test.ts',
      'tests/build/**/*.test.ts',
      'tests/integration/**/*.test.ts',
    ],
    reporters: ['default', ['json', { outputFile: '.tmp/vitest.json' }]],
  },
});
