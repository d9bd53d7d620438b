import { readFileSync } from 'node:fs';
import { awaitingEnhancements, expect, test } from '../support/e2e-test';

test('the visible FAQ says exactly what FAQPage structured data says', async ({ page }) => {
  await page.goto('/faq/');
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  const faq = data['@graph'].find((n: { '@type': string }) => n['@type'] === 'FAQPage');
  const visible = await page.locator('main section[aria-labelledby]').evaluateAll((sections) =>
    sections.map((s) => ({
      question: s.querySelector('h2')!.firstChild!.textContent!.trim(),
      answer: (s.querySelector('.prose') as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
    })),
  );
  expect(visible.length).toBeGreaterThanOrEqual(10);
  expect(
    faq.mainEntity.map((q: { name: string; acceptedAnswer: { text: string } }) => ({
      question: q.name,
      answer: q.acceptedAnswer.text,
    })),
  ).toEqual(visible);
});

test('share bar: plain links without JavaScript, copy link with confirmation with it', async ({ browser }) => {
  const noJs = await browser.newPage({ javaScriptEnabled: false });
  await noJs.goto('/frameworks/laravel/');
  const bar = noJs.getByRole('region', { name: 'Share this article' });
  for (const name of ['X', 'LinkedIn', 'Hacker News', 'Reddit', 'Email'])
    await expect(bar.getByRole('link', { name })).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await noJs.close();

  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await awaitingEnhancements(await context.newPage());
  await page.goto('/frameworks/laravel/');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('region', { name: 'Share this article' }).getByRole('status')).toHaveText(
    'Link copied to the clipboard.',
  );
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/frameworks\/laravel\/$/);
  await context.close();
});

test('code samples get a copy button that copies the sample exactly, drawn over the top right of the block', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await awaitingEnhancements(await context.newPage());
  await page.goto('/frameworks/django/');
  const block = page.locator('pre.code-block');
  const button = page.getByRole('button', { name: 'Copy code to clipboard' });
  await expect(button).toHaveText('Copy');
  const [b, p] = [(await button.boundingBox())!, (await block.boundingBox())!];
  expect(b.y - p.y, 'button top inside the block').toBeGreaterThan(0);
  expect(b.y - p.y).toBeLessThan(16);
  expect(p.x + p.width - (b.x + b.width), 'button right inside the block').toBeGreaterThan(0);
  expect(p.x + p.width - (b.x + b.width)).toBeLessThan(16);
  expect(b.height, 'target size (WCAG 2.2: 24 px)').toBeGreaterThanOrEqual(24);
  await button.click();
  await expect(button).toHaveText('Copied');
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.trimEnd()).toBe(readFileSync('content/frameworks/django/sample.py', 'utf8').trimEnd());
  await context.close();
});

test('the FAQ starts with every question, each linked to its answer', async ({ page }) => {
  await page.goto('/faq/');
  const list = page.getByRole('navigation', { name: 'The questions' });
  const questions = await page
    .locator('main section[aria-labelledby] h2')
    .evaluateAll((hs) => hs.map((h) => ({ id: h.id, text: h.firstChild!.textContent!.trim() })));
  expect(questions.length).toBeGreaterThanOrEqual(10);
  await expect(list.getByRole('link')).toHaveText(questions.map((q) => q.text));
  expect(await list.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(
    questions.map((q) => `#${q.id}`),
  );
  const last = questions.at(-1)!;
  await list.getByRole('link', { name: last.text }).click();
  await expect(page).toHaveURL(new RegExp(`#${last.id}$`));
  await expect(page.locator(`#${last.id}`)).toBeInViewport();
});
