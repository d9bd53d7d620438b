import { expect, test } from '@playwright/test';

test.use({ javaScriptEnabled: false });

test('pages read fine without JavaScript', async ({ page }) => {
  await page.goto('/frameworks/express/');
  await expect(page.getByRole('heading', { level: 1, name: 'Express' })).toBeVisible();
  await expect(page.locator('#a-small-json-endpoint ~ figure pre').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
  // A toggle that could not work is not shown.
  await expect(page.locator('[data-theme-toggle]')).toBeHidden();

  await page.goto('/compare/');
  await expect(page.locator('table#comparison tbody tr')).toHaveCount(5);
  await expect(page.locator('table#comparison thead button')).toHaveCount(0);

  await page.goto('/choose/');
  await expect(page.locator('#decision-form')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'The short version' })).toBeVisible();
  await expect(page.locator('#static-guide ~ dl a').first()).toBeVisible();

  await page.goto('/');
  const question = page.locator('details').first();
  await question.locator('summary').click();
  await expect(question.locator('p').first()).toBeVisible();
});
