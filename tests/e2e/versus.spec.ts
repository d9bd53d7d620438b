import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e-test';
import { allPairs, pairSlug } from '../../src/lib/versus/pairs';
import { RATING_KEYS, type RatingDimension } from '../../src/lib/ratings';
import { readEntryCollection } from '../../src/content-files/entries';

// Raw frontmatter (Playwright cannot load the astro:content schemas); the unit tests validate it.
interface RawFramework {
  id: string;
  data: { name: string; order: number; ratings: Record<RatingDimension, { score: number }> };
}
const frameworkEntries = readEntryCollection('content/frameworks') as unknown as RawFramework[];

const pairs = allPairs(frameworkEntries);
const name = (id: string) => frameworkEntries.find((f) => f.id === id)!.data.name;

test('the server answers every reversed pair URL with a 301 to the canonical page', async ({ request }) => {
  expect(pairs).toHaveLength((frameworkEntries.length * (frameworkEntries.length - 1)) / 2);
  for (const [a, b] of pairs) {
    for (const reversed of [`/compare/${b.id}-vs-${a.id}/`, `/compare/${b.id}-vs-${a.id}`]) {
      const response = await request.get(reversed, { maxRedirects: 0 });
      expect(response.status(), reversed).toBe(301);
      expect(response.headers()['location'], reversed).toMatch(new RegExp(`/compare/${pairSlug(a, b)}/$`));
    }
  }
});

test('a reversed URL lands the reader on the canonical page', async ({ page }) => {
  await page.goto('/compare/aspnet-core-vs-spring-boot/');
  await expect(page).toHaveURL(/\/compare\/spring-boot-vs-aspnet-core\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spring Boot vs ASP.NET Core');
  await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', /\/compare\/spring-boot-vs-aspnet-core\/$/);
});

test('the picker route redirects (302) for either order, the same framework twice, and junk', async ({ request }) => {
  const cases: [string, RegExp][] = [
    ['?a=laravel&b=django', /\/compare\/django-vs-laravel\/$/],
    ['?a=django&b=laravel', /\/compare\/django-vs-laravel\/$/],
    ['?a=django&b=django', /\/frameworks\/django\/#compare-with$/],
    ['?a=djnago&b=laravel', /\/compare\/#pair-picker$/],
    ['', /\/compare\/#pair-picker$/],
  ];
  for (const [query, location] of cases) {
    const response = await request.get(`/compare/pick/${query}`, { maxRedirects: 0 });
    expect(response.status(), query).toBe(302);
    expect(response.headers()['location'], query).toMatch(location);
  }
});

test('an article links to its comparisons, and a click leads to the pair page', async ({ page }) => {
  await page.goto('/frameworks/laravel/');
  const nav = page.getByRole('navigation', { name: 'Compare Laravel with…' });
  await expect(nav.getByRole('link')).toHaveCount(frameworkEntries.length - 1);
  await nav.getByRole('link', { name: 'Django vs Laravel' }).click();
  await expect(page).toHaveURL(/\/compare\/django-vs-laravel\/$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Our take' })).toBeVisible();
  await page.getByRole('link', { name: 'Laravel: the full article' }).click();
  await expect(page).toHaveURL(/\/frameworks\/laravel\/$/);
});

test('the chart is readable as text: each rating names both frameworks and their scores', async ({ page }) => {
  await page.goto('/compare/express-vs-django/');
  const chart = page.locator('figure[data-ratings-chart]');
  await expect(chart.getByRole('term')).toHaveCount(RATING_KEYS.length);
  const performance = chart.locator('[data-rating=performance]');
  const express = frameworkEntries.find((f) => f.id === 'express')!.data.ratings.performance.score;
  const django = frameworkEntries.find((f) => f.id === 'django')!.data.ratings.performance.score;
  await expect(performance).toContainText(`Express: ${express}/5`);
  await expect(performance).toContainText(`Django: ${django}/5`);
});

/** The "where each leads" headings a pair's page should have, from the ratings: no column for a side that leads nowhere. */
function leadHeadings(a: RawFramework, b: RawFramework): string[] {
  const leads = (x: RawFramework, y: RawFramework) =>
    RATING_KEYS.some((k) => x.data.ratings[k].score > y.data.ratings[k].score);
  const level = RATING_KEYS.some((k) => a.data.ratings[k].score === b.data.ratings[k].score);
  return [
    ...(leads(a, b) ? [`Where ${a.data.name} leads`] : []),
    ...(leads(b, a) ? [`Where ${b.data.name} leads`] : []),
    ...(level ? ['Where they are level'] : []),
  ];
}
// A pair where one side leads on no rating, when the data has one (that is the case this test is about), else the first.
const [lopA, lopB] =
  pairs.find(([a, b]) => leadHeadings(a, b).filter((h) => h.endsWith('leads')).length < 2) ?? pairs[0]!;

test('the verdict is the first thing under the title, and each column of where-each-leads follows the ratings', async ({
  page,
}) => {
  await page.goto(`/compare/${pairSlug(lopA, lopB)}/`);
  const lead = page.locator('h1 + p');
  await expect(lead).toHaveAttribute('data-lead', '');
  await expect(lead).toBeInViewport();
  const where = page.locator('section[aria-labelledby=where-each-leads]');
  await expect(where.getByRole('heading', { level: 3 })).toHaveText(leadHeadings(lopA, lopB));
  await expect(where).not.toContainText('does not score higher');
  await expect(page.getByRole('heading', { name: `Pick ${lopB.data.name} if …` })).toBeVisible();
  await expect(page.locator('[data-sources] a').first()).toHaveAttribute('href', /^https:\/\//);
});

async function pick(page: Page, first: string, second: string) {
  await page.goto('/compare/');
  const form = page.locator('form#pair-picker');
  await form.getByLabel('First framework').selectOption(first);
  await form.getByLabel('Second framework').selectOption(second);
  await form.getByRole('button', { name: 'Compare' }).click();
}

test.describe('picker with JavaScript', () => {
  test('goes straight to the canonical page, without the server round trip', async ({ page }) => {
    const picks: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/compare/pick')) picks.push(r.url());
    });
    await pick(page, 'laravel', 'django');
    await expect(page).toHaveURL(/\/compare\/django-vs-laravel\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name('django')} vs ${name('laravel')}`);
    expect(picks).toEqual([]);
  });

  test('sends the same framework twice to its list of comparisons', async ({ page }) => {
    await pick(page, 'spring-boot', 'spring-boot');
    await expect(page).toHaveURL(/\/frameworks\/spring-boot\/#compare-with$/);
    await expect(page.getByRole('heading', { name: 'Compare Spring Boot with…' })).toBeInViewport();
  });
});

test.describe('picker without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('submits the plain form and follows the redirect to the canonical page', async ({ page }) => {
    await pick(page, 'aspnet-core', 'express');
    await expect(page).toHaveURL(/\/compare\/express-vs-aspnet-core\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Express vs ASP.NET Core');
  });

  test('a canonical pick works too, and the pair page reads fine', async ({ page }) => {
    const response = page.waitForResponse((r) => r.url().includes('/compare/pick/'));
    await pick(page, 'django', 'spring-boot');
    expect((await response).status()).toBe(302);
    await expect(page).toHaveURL(/\/compare\/django-vs-spring-boot\/$/);
    await expect(page.locator('figure[data-ratings-chart] [data-rating]')).toHaveCount(RATING_KEYS.length);
    await expect(page.getByRole('heading', { name: /^Pick Django if/ })).toBeVisible();
  });
});
