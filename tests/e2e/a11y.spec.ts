import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sitePaths } from '../support/site-pages';

/** axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules, on every page, in both themes (and both viewports). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

for (const theme of ['light', 'dark'] as const) {
  for (const path of [...sitePaths(), '/no-such-page/']) {
    test(`axe (${theme}): ${path}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const summary = violations.map((v) => `${path} [${theme}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
      expect(summary).toEqual([]);
    });
  }
}
