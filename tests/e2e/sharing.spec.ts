import { expect, test } from '@playwright/test';

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
  expect(faq.mainEntity.map((q: { name: string; acceptedAnswer: { text: string } }) => ({ question: q.name, answer: q.acceptedAnswer.text }))).toEqual(visible);
});

test('share bar: plain links without JavaScript, copy link with confirmation with it', async ({ browser }) => {
  const noJs = await browser.newPage({ javaScriptEnabled: false });
  await noJs.goto('/frameworks/laravel/');
  const bar = noJs.getByRole('region', { name: 'Share this article' });
  for (const name of ['X', 'LinkedIn', 'Hacker News', 'Reddit', 'Email']) await expect(bar.getByRole('link', { name })).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await noJs.close();

  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto('/frameworks/laravel/');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('region', { name: 'Share this article' }).getByRole('status')).toHaveText('Link copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/frameworks\/laravel\/$/);
  await context.close();
});
