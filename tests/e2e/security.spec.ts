import { expect, test } from '../support/e2e-test';

test('the server sends security headers on pages and long-lived caching on hashed assets', async ({ request }) => {
  const page = await request.get('/frameworks/django/');
  const h = page.headers();
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy']).toContain('camera=()');
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['strict-transport-security']).toBeUndefined();
  expect(h['cache-control']).toBe('no-cache');

  const html = await page.text();
  const asset = /(?:src|href)="(\/_astro\/[^"]+)"/.exec(html)![1]!;
  const assetResponse = await request.get(asset);
  expect(assetResponse.status()).toBe(200);
  expect(assetResponse.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(assetResponse.headers()['x-content-type-options']).toBe('nosniff');

  const notFound = await request.get('/no-such-page/');
  expect(notFound.status()).toBe(404);
  expect(notFound.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

  // A page made per request brings its own CSP header (Astro's hashes): the server's directives join it.
  const onDemand = (await request.get('/newsletter/confirm/?token=no-such-token')).headers()['content-security-policy'];
  expect(onDemand).toContain("frame-ancestors 'none'");
  expect(onDemand).toMatch(/script-src 'self' 'sha256-/);
});

test('the page CSP allows no inline script except by hash, and nothing on the site trips it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
      violations.push(`${page.url()}: ${m.text()}`);
  });
  for (const path of ['/', '/frameworks/express/', '/compare/', '/choose/', '/search/?q=django', '/faq/']) {
    await page.goto(path);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toContain("'unsafe-inline'");
    // The theme script ran before paint (it is allowed by its hash) and the JSON-LD is in place.
    await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
    await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
    // Search compiles WebAssembly: allowed on that page only, and it must actually work under the policy.
    if (path.startsWith('/search/'))
      await expect(page.locator('[data-search-results] li').first()).toBeVisible({ timeout: 15_000 });
  }
  expect(violations).toEqual([]);
});

test('HSTS is sent when the request came over HTTPS through a trusted proxy', async ({ request }) => {
  // The test server runs with TRUST_PROXY=1 (see playwright.config.ts).
  const response = await request.get('/', { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(response.headers()['strict-transport-security']).toMatch(/max-age=\d+/);
});
