import { expect, test, type Page } from '@playwright/test';

/**
 * The table of contents: folded on phones (the article starts on the first screen), shown beside the text on wide
 * screens, with or without JavaScript, and nothing moves while the page loads.
 */
const ARTICLE = '/frameworks/django/';
const tocLinks = (page: Page) => page.getByRole('navigation', { name: 'On this page' }).getByRole('link');

/** Layout shifts while the page loads, as Chromium reports them (the CLS a visitor gets without interacting). */
async function loadShift(page: Page, path: string): Promise<{ total: number; moved: string[] }> {
  await page.addInitScript(() => {
    const w = window as unknown as { shift: { total: number; moved: string[] } };
    w.shift = { total: 0, moved: [] };
    type Shift = { value: number; hadRecentInput: boolean; sources: { node?: Element; previousRect: DOMRect; currentRect: DOMRect }[] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Shift[]) {
        if (entry.hadRecentInput) continue;
        w.shift.total += entry.value;
        w.shift.moved.push(...entry.sources.map((s) => `${s.node?.nodeName}.${(s.node as Element | undefined)?.className} ${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)}`));
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(path, { waitUntil: 'load' });
  await page.waitForTimeout(500); // anything the scripts do after load
  return page.evaluate(() => (window as unknown as { shift: { total: number; moved: string[] } }).shift);
}

test('phones: the contents are folded, the article starts on the first screen, and a tap opens them', { tag: '@mobile-only' }, async ({ page }) => {
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
});

test('wide screens: the contents are shown beside the text, open, and a click on their title does not fold them', { tag: '@desktop-only' }, async ({ page }) => {
  await page.goto(ARTICLE);
  await expect(tocLinks(page).first()).toBeVisible();
  await expect(page.locator('details[data-toc]')).toHaveAttribute('open', '');
  await page.locator('details[data-toc] > summary').click();
  await expect(tocLinks(page).first()).toBeVisible();
  await expect(page.locator('details[data-toc]')).toHaveAttribute('open', '');
});

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
