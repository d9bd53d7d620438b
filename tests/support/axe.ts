import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { Result } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** The rules whose outcome depends on colours, the only ones a change of theme can change. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe-core's violations on the page as it is now (within `include` when given; only the `tags` rules, or only the
 * `rules`, when given).
 * axe is injected once per document and run in place, about 1 s a pass, where @axe-core/playwright injected it
 * again and merged results in a fresh blank page for every pass (about 5 s). Running in place only sees the top
 * document, so a page with an iframe fails here instead of being half checked.
 */
export async function axeViolations(
  page: Page,
  { include, tags, rules }: { include?: string; tags?: string[]; rules?: string[] } = {},
): Promise<Result[]> {
  expect(await page.locator('iframe').count(), `${page.url()}: axeViolations checks the top document only`).toBe(0);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ include, tags, rules }) => {
      const { axe } = window as unknown as { axe: typeof import('axe-core') };
      const options = {
        resultTypes: ['violations' as const],
        ...(tags && { runOnly: { type: 'tag' as const, values: tags } }),
        ...(rules && { runOnly: { type: 'rule' as const, values: rules } }),
      };
      return (await axe.run(include ?? document, options)).violations;
    },
    { include, tags, rules },
  );
}
