/**
 * First paint in one round trip: after the build, Beasties inlines in each prerendered page the rules of the shared
 * stylesheet that its first screen uses; the stylesheet, no longer blocking rendering, is requested after the first
 * paint and cached across pages. "First screen" is the page less the parts its templates mark as below the fold
 * (<BelowTheFold>). The inline style is allowed in the page's CSP by its hash.
 *
 * The first frame waits for the first screen to be parsed, no more (rel=expect); what it does not need (that
 * stylesheet, module scripts, the manifest) is requested after it (src/lib/after-first-frame.ts).
 *
 * On-demand pages get the same, per response, from src/middleware.ts.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { firstScreenInliner } from '../lib/critical-css.ts';
import { allowInlineStyle } from '../lib/csp.ts';
import { builtStylesheets, rewriteBuiltPages } from './built-pages.ts';

export function criticalCss(): AstroIntegration {
  return {
    name: 'critical-css',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const inline = firstScreenInliner(builtStylesheets(root));
        let pages = 0;
        let largest = { file: '', bytes: 0 };
        rewriteBuiltPages(root, 'Critical CSS', (page, file) => {
          const { html, css } = inline(page);
          if (css === undefined) return html;
          pages++;
          if (css.length > largest.bytes) largest = { file, bytes: css.length };
          return allowInlineStyle(html, css);
        });
        logger.info(
          `inlined first-screen CSS in ${pages} pages (largest: ${largest.file}, ${largest.bytes} B before compression)`,
        );
      },
    },
  };
}
