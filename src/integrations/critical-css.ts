/**
 * First paint in one round trip: after the build, Beasties inlines in each prerendered page the rules of the shared
 * stylesheet that its first screen uses, and moves the stylesheet's link to the end of the body, where it no longer
 * blocks rendering and is still fetched early and cached across pages. "First screen" is the page less the parts its
 * templates mark as below the fold (<BelowTheFold>). The inline style is allowed in the page's CSP by its hash.
 *
 * The first frame waits for the first screen to be parsed, no more (rel=expect); what it does not need (that
 * stylesheet, module scripts) is fetched at low priority.
 *
 * Beasties' compiler reads the stylesheet once per build; its runtime then scans each page in one pass (no DOM).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { compileSheet } from 'beasties/compiler';
import { createProcessor } from 'beasties/runtime';
import {
  cascadeLayerOrder,
  cleanInlineCss,
  inlineStyleOf,
  setAsideBelowTheFold,
  withDeferredAtLowPriority,
  withFirstFrameAtTheFold,
} from '../lib/critical-css.ts';
import { allowInlineStyle } from '../lib/csp.ts';
import { rewriteBuiltPages } from './built-pages.ts';

/**
 * Rules Beasties cannot judge from the built HTML, always inlined: selectors that start with a pseudo-class, which its
 * matcher strips to nothing (Tailwind's space-y-* and divide-y-* are `:where(.space-y-3>…)`, pruned again below to
 * the classes the first screen has; `:focus-visible` and `::placeholder` in the base styles), and dark-theme rules,
 * whose `data-theme` the theme script sets at load.
 */
const ALWAYS_INLINED = [/^:/, /^(html)?\[data-theme=dark\]/];

export function criticalCss(): AstroIntegration {
  return {
    name: 'critical-css',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const sheets = readdirSync(join(root, '_astro'))
          .filter((f) => f.endsWith('.css'))
          .map((f) => {
            const css = readFileSync(join(root, '_astro', f), 'utf8');
            return compileSheet(cascadeLayerOrder(css) + css, { href: `/_astro/${f}`, allowRules: ALWAYS_INLINED });
          });
        const problems: string[] = [];
        const processor = createProcessor(sheets, { preload: 'body', logger: { warn: (m) => problems.push(m) } });
        const clean = cleanInlineCss();
        let pages = 0;
        let largest = { file: '', bytes: 0 };
        rewriteBuiltPages(root, 'Critical CSS', (page, file) => {
          const { firstScreen, restore } = setAsideBelowTheFold(withFirstFrameAtTheFold(page));
          const html = withDeferredAtLowPriority(restore(processor.process(firstScreen)));
          if (problems.length) throw new Error(problems.join('; '));
          const found = inlineStyleOf(html);
          if (found === undefined) return html;
          const css = clean(found, firstScreen);
          pages++;
          if (css.length > largest.bytes) largest = { file, bytes: css.length };
          return allowInlineStyle(
            html.replace(found, () => css),
            css,
          );
        });
        logger.info(
          `inlined first-screen CSS in ${pages} pages (largest: ${largest.file}, ${largest.bytes} B before compression)`,
        );
      },
    },
  };
}
