/**
 * After the build, trims each prerendered page's CSP to the inline code that page really has (see
 * tightenCsp in src/lib/csp.ts). Pages rendered per request keep Astro's policy as it is.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { tightenCsp } from '../lib/csp.ts';
import { rewriteBuiltPages } from './built-pages.ts';

export function tightenCspIntegration(): AstroIntegration {
  return {
    name: 'tighten-csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const changed = rewriteBuiltPages(fileURLToPath(dir), 'Tightening the CSP', tightenCsp);
        logger.info(`trimmed the CSP of ${changed} pages to their own inline code`);
      },
    },
  };
}
