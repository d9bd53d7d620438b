import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e-test';
import { loadShift } from '../support/layout-checks';

/**
 * The table of contents: folded on phones (the article starts on the first screen), shown beside the text on wide
 * screens, with or without JavaScript, and nothing moves while the page loads.
 */
const ARTICLE = '/frameworks/django/';
const tocLinks = (page: Page) => page.getByRole('navigation', { name: 'On this page' }).getByRole('link');

test(
  'phones: the contents are folded, the article starts on the first screen, and a tap opens them',
  { tag: '@mobile-only' },
  async ({ page }) => {
    for (const width of [320, 375]) {
      await page.setViewportSize({ width, height: 740 });
      await page.goto(ARTICLE);
      const summary = page.locator('details[data-toc] > summary');
      await expect(summary).toBeVisible();
      await expect(tocLinks(page).first()).toBeHidden();
      expect((await page.locator('details[data-toc]').boundingBox())!.height, `${width} px: one line`).toBeLessThan(80);
      const body = await page.locator('article > header ~ div.min-w-0').boundingBox();
      expect(body!.y, `${width} px: the article's body starts on the first screen`).toBeLessThan(600);
      await summary.click();
      await expect(tocLinks(page).first()).toBeVisible();
      await tocLinks(page).filter({ hasText: 'Security defaults' }).click();
      await expect(page).toHaveURL(/#security-defaults$/);
    }
  },
);

test(
  'wide screens: the contents are shown beside the text, open, and a click on their title does not fold them',
  { tag: '@desktop-only' },
  async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(tocLinks(page).first()).toBeVisible();
    await expect(page.locator('details[data-toc]')).toHaveAttribute('open', '');
    await page.locator('details[data-toc] > summary').click();
    await expect(tocLinks(page).first()).toBeVisible();
    await expect(page.locator('details[data-toc]')).toHaveAttribute('open', '');
  },
);

test('nothing moves while an article loads: CLS 0', async ({ page }) => {
  const { total, moved } = await loadShift(page, ARTICLE);
  expect(total, moved.join('; ')).toBe(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the contents are reachable: shown on wide screens, a tap away on phones', async ({ page }, info) => {
    await page.goto(ARTICLE);
    if (info.project.name === 'mobile') {
      await expect(tocLinks(page).first()).toBeHidden();
      await page.locator('details[data-toc] > summary').click();
    }
    await expect(tocLinks(page).first()).toBeVisible();
    await expect(tocLinks(page).filter({ hasText: 'Security defaults' })).toBeVisible();
  });
});
