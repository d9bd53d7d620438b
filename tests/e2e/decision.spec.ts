import type { Page } from '@playwright/test';
import { awaitingEnhancements, expect, test } from '../support/e2e-test';
import {
  answeredCount,
  formatPoints,
  pointsLabel,
  profileToParams,
  QUESTIONS,
  recommend,
  topPickText,
  type Profile,
} from '../../src/lib/decision';
import { PROFILES } from '../support/profiles';
import { candidates, topPick } from '../support/decision-page';

const items = (page: Page) => page.locator('#decision-result > li');

async function answer(page: Page, profile: Profile) {
  const form = page.locator('#decision-form');
  for (const [name, value] of profileToParams(profile))
    await form.locator(`input[name="${name}"][value="${value}"]`).check();
}

/** The ranking as the page shows it: name with its place, points, and each reason line. */
const shownRanking = (page: Page) =>
  items(page).evaluateAll((lis) =>
    lis.map((li) => [
      li.querySelector('[data-name]')!.textContent,
      li.querySelector('[data-score]')!.textContent,
      ...[...li.querySelectorAll('[data-reasons] > li')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim()),
    ]),
  );

/** The same, as src/lib/decision.ts scores the content. */
const expectedRanking = (profile: Profile) =>
  recommend(candidates, profile).map((r, i) => [
    `${i + 1}. ${r.name}`,
    pointsLabel(r.score),
    ...r.reasons.map((reason) => `${formatPoints(reason.points)} ${reason.text}`),
  ]);

test('nothing is pre-selected and no ranking shows before the first answer', async ({ page }) => {
  await page.goto('/choose/');
  await expect(page.locator('#decision-form')).toBeVisible();
  await expect(page.locator('#decision-form input:checked')).toHaveCount(0);
  await expect(items(page)).toHaveCount(0);
  await expect(topPick(page)).not.toContainText('Top pick');
  await page.locator('input[name=priority][value=performance]').check();
  await expect(items(page)).toHaveCount(candidates.length);
  await expect(topPick(page)).toHaveText(
    topPickText(recommend(candidates, { languages: [], priority: 'performance' })),
  );
});

for (const [label, profile, expected] of PROFILES) {
  test(`decision helper: ${label} → ${expected}, every point shown with its reason`, async ({ page }) => {
    await page.goto('/choose/');
    await answer(page, profile);
    const first = items(page).first();
    await expect(first).toHaveAttribute('data-framework', expected);
    await expect(first.getByRole('link')).toHaveAttribute('href', `/frameworks/${expected}/`);
    expect(await shownRanking(page)).toEqual(expectedRanking(profile));
    await expect(topPick(page)).toHaveText(topPickText(recommend(candidates, profile)));
    await expect(page.locator('#decision-summary')).toContainText(
      `From ${answeredCount(profile)} of ${QUESTIONS.length} questions answered.`,
    );
    expect(new URL(page.url()).search).toBe(`?${profileToParams(profile)}`);
  });
}

test('an answer given before the helper’s script has run is kept and scored', async ({ browser }) => {
  // The script loads after the first paint: a reader may tick an answer before it runs. Held back here until then.
  const page = await browser.newPage();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_astro/DecisionHelper.*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/choose/');
  await page.locator('input[name=priority][value=performance]').check();
  release();
  await expect(items(page)).toHaveCount(candidates.length);
  await expect(page.locator('input[name=priority][value=performance]')).toBeChecked();
  await expect(topPick(page)).toHaveText(
    topPickText(recommend(candidates, { languages: [], priority: 'performance' })),
  );
  await page.close();
});

test('a shared link reopens the same answers and the same ranking', async ({ page, context }) => {
  const [, profile] = PROFILES[3]!;
  await page.goto('/choose/');
  await answer(page, profile);
  await expect(items(page)).toHaveCount(candidates.length);
  const ranking = await shownRanking(page);
  const checked = await page
    .locator('#decision-form input:checked')
    .evaluateAll((inputs) => inputs.map((i) => `${(i as HTMLInputElement).name}=${(i as HTMLInputElement).value}`));

  const reader = await awaitingEnhancements(await context.newPage());
  await reader.goto(page.url());
  await expect(items(reader)).toHaveCount(candidates.length);
  expect(await shownRanking(reader)).toEqual(ranking);
  expect(
    await reader
      .locator('#decision-form input:checked')
      .evaluateAll((inputs) => inputs.map((i) => `${(i as HTMLInputElement).name}=${(i as HTMLInputElement).value}`)),
  ).toEqual(checked);
});

test('a link with values that are not answers opens with those left out', async ({ page }) => {
  await page.goto('/choose/?build=nonsense&languages=python&languages=cobol&priority=speed&utm_source=feed');
  await expect(page.locator('#decision-form input:checked')).toHaveCount(1);
  await expect(page.locator('input[name=languages][value=python]')).toBeChecked();
  expect(await shownRanking(page)).toEqual(expectedRanking({ languages: ['python'] }));
  await expect(page).toHaveURL(/\/choose\/\?languages=python$/);
});

test('"Start again" clears the answers, the ranking and the address', async ({ page }) => {
  const [, profile] = PROFILES[0]!;
  await page.goto(`/choose/?${profileToParams(profile)}`);
  await expect(items(page)).toHaveCount(candidates.length);
  await page.getByRole('button', { name: 'Start again' }).click();
  await expect(items(page)).toHaveCount(0);
  await expect(page.locator('#decision-form input:checked')).toHaveCount(0);
  await expect(topPick(page)).not.toContainText('Top pick');
  await expect(page).toHaveURL(/\/choose\/$/);
});

test('"Show the full ranking" takes the reader from the questions to the ranking', async ({ page }) => {
  await page.goto('/choose/');
  await page.locator('input[name=build]').first().check();
  await page.getByRole('button', { name: 'Show the full ranking' }).click();
  const heading = page.getByRole('heading', { name: 'Your ranking' });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(page).toHaveURL(/\/choose\/\?build=/);
});
