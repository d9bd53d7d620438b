import { expect, test } from '../support/e2e-test';
import { rawFrameworks } from '../support/raw-frameworks';

test.use({ javaScriptEnabled: false });

test('pages read fine without JavaScript', async ({ page }) => {
  await page.goto('/frameworks/express/');
  await expect(page.getByRole('heading', { level: 1, name: 'Express' })).toBeVisible();
  // The shared stylesheet, which a script loads after the first paint, comes from <noscript> instead.
  expect(await page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.href?.includes('/_astro/')))).toBe(
    true,
  );
  await expect(page.locator('#a-small-json-endpoint ~ figure pre').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
  // A toggle that could not work is not shown.
  await expect(page.locator('[data-theme-toggle]')).toBeHidden();

  await page.goto('/compare/');
  for (const table of ['table#comparison', 'table#facts-table']) {
    await expect(page.locator(`${table} tbody th[scope=row]`)).toHaveText(rawFrameworks.map((f) => f.data.name));
  }
  await expect(page.locator('table#comparison thead button')).toHaveCount(0);

  // The helper cannot score without JavaScript: it is not shown, a note says so and points to what works.
  await page.goto('/choose/');
  await expect(page.locator('#decision-form')).toBeHidden();
  await expect(page.locator('noscript p')).toContainText('The helper needs JavaScript');
  await expect(page.locator('noscript p')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The short version' })).toBeVisible();
  await expect(page.locator('#static-guide ~ dl a').first()).toBeVisible();

  // A question on the home page opens its answer on the FAQ page.
  await page.goto('/');
  await page.locator('a[href^="/faq/#"]').first().click();
  await expect(page).toHaveURL(/\/faq\/#/);
  await expect(page.locator(':target')).toBeInViewport();
});
