import { expect, test } from '@playwright/test';
import { axeViolations, WCAG_TAGS } from '../support/axe';
import { sitePaths } from '../support/site-pages';

/**
 * axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules on every page, in both themes, at 375 px and 1280 px.
 * One load per page: the theme is switched the way the toggle does it and the viewport is resized in place.
 */
const VIEWPORTS = [
  { width: 375, height: 740 },
  { width: 1280, height: 800 },
];

for (const path of [...sitePaths(), '/no-such-page/']) {
  test(`axe: ${path}`, async ({ page }) => {
    test.setTimeout(60_000); // four full axe passes on a long page, on a busy machine
    await page.goto(path);
    const problems: string[] = [];
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      for (const theme of ['light', 'dark'] as const) {
        await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
        const violations = await axeViolations(page, { tags: WCAG_TAGS });
        problems.push(
          ...violations.map(
            (v) =>
              `${path} [${theme}, ${viewport.width}px] ${v.id}: ${v.help} (${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join('; ')})`,
          ),
        );
      }
    }
    expect(problems).toEqual([]);
  });
}

test('the sweep catches what it is there to catch: a missing alt and low contrast', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('afterbegin', '<img src="/favicon.svg" width="10" height="10"><p class="probe">faint</p>');
    main.querySelector<HTMLElement>('.probe')!.style.color = '#ddd';
  });
  const ids = (await axeViolations(page, { tags: WCAG_TAGS })).map((v) => v.id);
  expect(ids).toEqual(expect.arrayContaining(['image-alt', 'color-contrast']));
});
