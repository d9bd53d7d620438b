/**
 * The decision helper's layout, at phone and desktop widths (the layout specs run in both Playwright projects):
 * the top-pick bar stays in view without hiding the focused field, keeps its height whatever it says, and nothing
 * moves while the page loads. What the helper ranks and why is in decision.spec.ts.
 */
import { expect, test } from '../support/e2e-test';
import {
  profileFromParams,
  profileToParams,
  QUESTIONS,
  recommend,
  topPickText,
  type Profile,
} from '../../src/lib/decision';
import { loadShift } from '../support/layout-checks';
import { PROFILES } from '../support/profiles';
import { candidates, topPick } from '../support/decision-page';

test('the current top pick stays in view while answering, without hiding the focused field', async ({ page }) => {
  await page.goto('/choose/');
  const bar = page.locator('[data-top-pick]');
  const inView = async () => {
    const box = (await bar.boundingBox())!;
    const { height } = page.viewportSize()!;
    return box.y >= 0 && box.y + box.height <= height + 0.5;
  };
  const profile: Profile = { languages: [] };
  for (const q of QUESTIONS) {
    const fieldset = page.locator('fieldset', { has: page.locator(`input[name="${q.name}"]`) });
    await fieldset.scrollIntoViewIfNeeded();
    const input = fieldset.locator('input').last();
    await input.check();
    if (q.name === 'languages') profile.languages = [(await input.getAttribute('value')) as never];
    else Object.assign(profile, { [q.name]: await input.getAttribute('value') });
    expect(await inView(), `after answering "${q.legend}"`).toBe(true);
    await expect(topPick(page)).toHaveText(topPickText(recommend(candidates, profile)));
  }
  // Keyboard focus never lands behind the bar (WCAG 2.4.11): scroll-padding keeps the field above it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('input[name=build]').first().focus();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const covered = await page.evaluate(() => {
      const focused = document.activeElement!.getBoundingClientRect();
      const bar = document.querySelector('[data-top-pick]')!;
      if (bar.contains(document.activeElement)) return false;
      const box = bar.getBoundingClientRect();
      return focused.bottom > box.top && focused.top < box.bottom;
    });
    expect(covered, `focus step ${i + 1}`).toBe(false);
  }
});

test('the top-pick bar keeps its height whatever it says, down to 320 px (a changing pick moves nothing)', async ({
  page,
}) => {
  const oneAnswer = QUESTIONS.flatMap((q) =>
    Object.keys(q.options).map((value) => profileFromParams(new URLSearchParams([[q.name, value]]))),
  );
  const sentences = [
    ...new Set([...oneAnswer, ...PROFILES.map(([, p]) => p)].map((p) => topPickText(recommend(candidates, p)))),
  ];
  for (const width of [320, page.viewportSize()!.width]) {
    await page.setViewportSize({ width, height: 740 });
    await page.goto('/choose/');
    const heights = await topPick(page).evaluate((bar, texts) => {
      const measure = () => bar.getBoundingClientRect().height;
      const empty = measure();
      return [empty, ...texts.map((t) => ((bar.textContent = t), measure()))];
    }, sentences);
    expect(new Set(heights), `${width} px: ${heights.join(', ')}`).toEqual(new Set([heights[0]]));
  }
});

test('nothing moves while the helper loads: CLS 0, empty or from a shared link', async ({ page }) => {
  // One tab, loaded twice: each load is measured on its own.
  for (const path of ['/choose/', `/choose/?${profileToParams(PROFILES[1]![1])}`]) {
    const { total, moved } = await loadShift(page, path, '#decision-form');
    expect(total, `${path}: ${moved.join('; ')}`).toBe(0);
  }
});

test('the shift check catches a script that moves the page once it is parsed, at every width', async ({ page }) => {
  // The page as served, plus a script that pushes <main> down after load (its policies dropped to let it run).
  await page.route('**/choose/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text())
      .replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '')
      .replace(
        '</body>',
        `<script type="module">addEventListener('load', () => setTimeout(() => document.querySelector('main').prepend(Object.assign(document.createElement('div'), { style: 'height: 200px' })), 100));</script></body>`,
      );
    const headers = Object.fromEntries(
      Object.entries(response.headers()).filter(
        ([name]) => !/^(content-security-policy|content-encoding|content-length)$/i.test(name),
      ),
    );
    await route.fulfill({ response, body: html, headers });
  });
  const { total } = await loadShift(page, '/choose/');
  expect(total).toBeGreaterThan(0);
});
