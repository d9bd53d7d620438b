/**
 * After the build, trims each prerendered page's CSP to the inline code that page really has (see
 * tightenCsp in src/lib/csp.ts). Pages rendered per request keep Astro's policy as it is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { tightenCsp } from '../lib/csp.ts';
import { builtPages } from './built-pages.ts';

export function tightenCspIntegration(): AstroIntegration {
  return {
    name: 'tighten-csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        let changed = 0;
        for (const file of builtPages(root)) {
          const path = join(root, file);
          const html = readFileSync(path, 'utf8');
          const tightened = tightenCsp(html);
          if (tightened !== html) {
            writeFileSync(path, tightened);
            changed++;
          }
        }
        logger.info(`trimmed the CSP of ${changed} pages to their own inline code`);
      },
    },
  };
}
