import { expect, test } from '../support/e2e-test';
import { axeViolations, COLOUR_RULES, WCAG_TAGS } from '../support/axe';
import { onePagePerRoute, sitePaths } from '../support/site-pages';

/**
 * axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules on every page at 1280 px, and on one page of each route
 * file (src/pages) at 375 px, where the layout differs: pages of one route share it. Both themes: every rule in the
 * light one, then the rules that depend on colour in the dark one (the theme changes nothing else). One load per
 * test: the theme is switched the way the toggle does it.
 */
const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };
const PATHS = [...sitePaths(), '/no-such-page/'];
const sweeps = [
  ...PATHS.map((path) => ({ path, viewport: WIDE })),
  ...[...onePagePerRoute(), '/no-such-page/'].map((path) => ({ path, viewport: PHONE })),
];

for (const { path, viewport } of sweeps) {
  test(`axe: ${path} at ${viewport.width} px`, async ({ page }) => {
    test.setTimeout(40_000); // two full axe passes on a long page, on a busy machine
    await page.setViewportSize(viewport);
    await page.goto(path);
    const problems: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
      const violations = await axeViolations(page, theme === 'light' ? { tags: WCAG_TAGS } : { rules: COLOUR_RULES });
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
    expect(problems).toEqual([]);
  });
}

test('the sweep catches what it is there to catch: a missing alt and low contrast, in either theme', async ({
  page,
}) => {
  await page.goto('/');
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('afterbegin', '<img src="/favicon.svg" width="10" height="10"><p class="probe">faint</p>');
    main.querySelector<HTMLElement>('.probe')!.style.color = '#ddd';
  });
  const ids = (await axeViolations(page, { tags: WCAG_TAGS })).map((v) => v.id);
  expect(ids).toEqual(expect.arrayContaining(['image-alt', 'color-contrast']));
  // Dark text that reads on the light page is caught by the colour rules in the dark theme.
  await page.evaluate(() => {
    document.documentElement.dataset['theme'] = 'dark';
    document.querySelector<HTMLElement>('.probe')!.style.color = '#333';
  });
  const dark = await axeViolations(page, { rules: COLOUR_RULES });
  expect(dark.map((v) => [v.id, v.nodes.map((n) => n.target.join(' '))])).toEqual([['color-contrast', ['.probe']]]);
});
