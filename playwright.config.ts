import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPath } from './tests/support/chromium';
import { e2eNewsletterDir } from './tests/support/newsletter-dir';

/** The built site, served by the real Node server on a port of its own. */
const PORT = Number(process.env['E2E_PORT'] ?? 4399);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
/** The newsletter's database and outbox for this run: under .tmp/, never data/. */
const NEWSLETTER_DIR = e2eNewsletterDir();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright.json' }]],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_FLAGS },
  },
  projects: [
    // Layout specs (layout, reflow, toc, decision-layout) run at phone and desktop widths; everything else once, on
    // desktop: behaviour does not change with the screen, and the accessibility sweep sets its own widths.
    // A test tagged @mobile-only or @desktop-only exists only in that project (a skipped test would fail npm test).
    {
      name: 'mobile',
      use: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
      testMatch: /(layout|reflow|toc)\.spec\.ts$/,
      grepInvert: /@desktop-only/,
    },
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } }, grepInvert: /@mobile-only/ },
  ],
  webServer: {
    command: 'node scripts/server.mjs',
    url: `${BASE_URL}/`,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      TRUST_PROXY: '1',
      NEWSLETTER_DB: `${NEWSLETTER_DIR}/newsletter.sqlite`,
      NEWSLETTER_OUTBOX: `${NEWSLETTER_DIR}/outbox`,
      // Browser tests sign up many times from one address, faster than a person: limits are tested elsewhere.
      NEWSLETTER_RATE_LIMIT: 'off',
    },
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
