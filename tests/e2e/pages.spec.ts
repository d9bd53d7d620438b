import { expect, test } from '../support/e2e-test';
import { sitePaths } from '../support/site-pages';

const paths = sitePaths();

test('the built site has every route the guide promises', () => {
  for (const p of [
    '/',
    '/frameworks/',
    '/frameworks/django/',
    '/trends/',
    '/trends/serverless/',
    '/faq/',
    '/compare/',
    '/choose/',
  ]) {
    expect(paths).toContain(p);
  }
});

test('article: breadcrumbs, table of contents, heading anchors and previous/next work', async ({ page }) => {
  await page.goto('/frameworks/django/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await toc.getByRole('link', { name: 'Security defaults' }).click();
  await expect(page).toHaveURL(/#security-defaults$/);
  await expect(page.locator('#security-defaults')).toBeInViewport();

  const anchor = page.locator('#performance a.heading-anchor');
  await expect(anchor).toHaveAttribute('href', '#performance');
  await anchor.focus();
  await expect(anchor).toHaveCSS('opacity', '1');

  await page
    .getByRole('navigation', { name: 'Previous and next articles' })
    .getByRole('link', { name: /Next/ })
    .click();
  await expect(page).toHaveURL(/\/frameworks\/spring-boot\/$/);
  await page
    .getByRole('navigation', { name: 'Previous and next articles' })
    .getByRole('link', { name: /Previous/ })
    .click();
  await expect(page).toHaveURL(/\/frameworks\/django\/$/);

  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Frameworks' }).click();
  await expect(page).toHaveURL(/\/frameworks\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The frameworks');
});

test('comparison table sorts by a column and says so with aria-sort', async ({ page }) => {
  await page.goto('/compare/');
  const table = page.locator('table#comparison');
  const names = () => table.locator('tbody th[scope=row]').allTextContents();
  const before = await names();
  const header = table.locator('thead th', { hasText: 'Performance' });
  await expect(header).toHaveText('Performance↕');
  await expect(
    header.getByRole('button', { name: 'Performance', exact: true }),
    'the arrow is not part of the name',
  ).toBeVisible();
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(header).toHaveText('Performance▼');
  const column = await header.evaluate((th) => (th as HTMLTableCellElement).cellIndex);
  const scores = await table
    .locator('tbody tr')
    .evaluateAll(
      (rows, i) => rows.map((r) => Number((r as HTMLTableRowElement).cells[i]!.textContent!.match(/\d/)![0])),
      column,
    );
  expect(new Set(scores).size, 'the scores differ, so the order says something').toBeGreaterThan(1);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const nameHeader = table.locator('thead th', { hasText: 'Framework' });
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(nameHeader).toHaveText('Framework▲');
  await expect(header).not.toHaveAttribute('aria-sort', /.+/);
  await expect(header).toHaveText('Performance↕');
  expect(await names()).toEqual([...before].sort((a, b) => a.localeCompare(b)));
});

test('the sort buttons take the place of the header labels without moving a cell', async ({ page, browser }) => {
  const cellBoxes = (p: typeof page) =>
    p.locator('table#comparison').evaluate((table) =>
      [...table.querySelectorAll('thead th, tbody tr:first-child > *')].map((cell) => {
        const box = cell.getBoundingClientRect();
        return [box.x, box.y, box.width, box.height].map((n) => Math.round(n * 10) / 10);
      }),
    );
  await page.goto('/compare/');
  await expect(page.locator('table#comparison thead button')).toHaveCount(
    await page.locator('table#comparison thead th').count(),
  );
  const enhanced = await cellBoxes(page);
  const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: page.viewportSize() });
  const plain = await noJs.newPage();
  await plain.goto('/compare/');
  expect(enhanced).toEqual(await cellBoxes(plain));
  await noJs.close();
});

test('theme toggle switches, persists across a reload and sets the theme before paint', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // The icon shows where a press leads: the moon in the light theme, the sun in the dark one.
  await expect(toggle.locator('[data-icon=moon]')).toBeVisible();
  await expect(toggle.locator('[data-icon=sun]')).toBeHidden();
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(toggle.locator('[data-icon=sun]')).toBeVisible();
  await expect(toggle.locator('[data-icon=moon]')).toBeHidden();
  // The attribute is already there when the first byte of <body> is parsed: no flash of the wrong theme.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.body) {
        (window as unknown as { themeAtBody: string | undefined }).themeAtBody =
          document.documentElement.dataset['theme'];
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | undefined }).themeAtBody)).toBe(
    'dark',
  );
  await expect(toggle.locator('[data-icon=sun]')).toBeVisible();
});

test('the theme toggle is in place at first paint, before its own script has loaded (no layout shift)', async ({
  page,
}) => {
  await page.route(/ThemeToggle[^/]*\.js$/, (route) => route.abort());
  await page.goto('/frameworks/django/');
  await expect(page.locator('[data-theme-toggle]')).toBeVisible();
  const box = await page.locator('[data-theme-toggle]').boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(44);
  await expect(page.locator('[data-theme-toggle] svg:visible')).toHaveCount(1);
});
