import type { Browser, Page } from '@playwright/test';
import { AFTER_FIRST_FRAME_ID } from '../../src/lib/after-first-frame';
import { awaitingEnhancements, expect, test } from '../support/e2e-test';
import { decodePng } from '../support/png';
import { loadShift } from '../support/layout-checks';
import { sitePaths } from '../support/site-pages';

/**
 * First paint comes from the CSS inlined in each page (src/integrations/critical-css.ts); the shared stylesheet, linked
 * at the end of the body, arrives later. These checks hold that to "no flash of unstyled content": what a phone or a
 * laptop shows before scrolling is the same, pixel for pixel, with the stylesheet still missing as with it loaded, in
 * both themes, and nothing moves when it arrives.
 */

/** Every page of its own, and one of each kind built from one template: a framework article, a trend, a pair… */
const pagesByKind = new Map<string, string>();
for (const path of sitePaths()) {
  const kind = path.split('/').length > 3 ? path.replace(/[^/]+\/$/, '*/') : path;
  if (!pagesByKind.has(kind)) pagesByKind.set(kind, path);
}
/** And the on-demand pages, which the server inlines per response (src/middleware.ts): here with a link that is not valid. */
const samplePages = [
  ...pagesByKind.values(),
  '/newsletter/confirm/?token=not-a-real-token',
  '/newsletter/unsubscribe/?token=not-a-real-token',
];

/**
 * A phone (375 px, the narrowest we lay out for) and a desktop (Lighthouse's 1350 × 940, the tallest first screen);
 * each page is checked in one theme on the phone and the other on the desktop, alternating from page to page, so
 * every width meets both themes across the pages without doubling the loads.
 */
const phone = { viewport: { width: 375, height: 740 }, isMobile: true } as const;
const desktop = { viewport: { width: 1350, height: 940 }, isMobile: false } as const;
const screensFor = (index: number) =>
  [
    { ...phone, colorScheme: index % 2 ? 'dark' : 'light' },
    { ...desktop, colorScheme: index % 2 ? 'light' : 'dark' },
  ] as const;
type Screen = ReturnType<typeof screensFor>[number];

const STYLESHEET = '**/_astro/*.css';

const contextFor = (browser: Browser, { viewport, isMobile, colorScheme }: Screen) =>
  browser.newContext({ viewport, isMobile, hasTouch: isMobile, colorScheme });

/** What the first screen shows once the page is loaded and its scripts have run (the table of contents opens on wide screens). */
async function settledScreen(page: Page): Promise<Buffer> {
  await page.waitForTimeout(100);
  return page.screenshot({ animations: 'disabled', caret: 'hide' });
}

/**
 * Pixels that differ by more than anti-aliasing noise: Chromium may smooth a rounded corner a shade differently
 * between two loads of the same styles (seen: 22 of 255 on two corner pixels of a button). A missing rule changes
 * colours or moves text by far more.
 */
const NOISE = 32;

function differingPixels(a: Buffer, b: Buffer): number {
  const [pa, pb] = [decodePng(a), decodePng(b)];
  if (pa.width !== pb.width || pa.height !== pb.height) return Infinity;
  let count = 0;
  for (let i = 0; i < pa.data.length; i += 4)
    if ([0, 1, 2, 3].some((c) => Math.abs(pa.data[i + c]! - pb.data[i + c]!) > NOISE)) count++;
  return count;
}

for (const [index, path] of samplePages.entries()) {
  test(`${path}: the first screen is the same before the stylesheet arrives, and nothing moves when it does`, async ({
    browser,
  }, info) => {
    const problems: string[] = [];
    for (const screen of screensFor(index)) {
      const name = `${screen.viewport.width}px-${screen.colorScheme}`;
      const context = await contextFor(browser, screen);
      const page = await awaitingEnhancements(await context.newPage());
      // Without the stylesheet: the first screen as the inline CSS draws it.
      await page.route(STYLESHEET, (route) => route.abort());
      await page.goto(path, { waitUntil: 'load' });
      const inlineOnly = await settledScreen(page);
      // With it, 400 ms after it is asked for (after the page is parsed and first painted): nothing may move when
      // it arrives, and the first screen it draws must be the one above.
      await page.unrouteAll();
      await page.route(STYLESHEET, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        await route.continue();
      });
      const { total, moved } = await loadShift(page, path);
      if (total > 0) problems.push(`${name}: CLS ${total} (${moved.join('; ')})`);
      const full = await settledScreen(page);
      await context.close();
      const differing = differingPixels(inlineOnly, full);
      if (differing === 0) continue;
      problems.push(`${name}: ${differing} pixels differ`);
      await info.attach(`${name}-inline-only.png`, { body: inlineOnly, contentType: 'image/png' });
      await info.attach(`${name}-full.png`, { body: full, contentType: 'image/png' });
    }
    expect(problems).toEqual([]);
  });
}

test('no frame is drawn before the first screen is parsed, even when it arrives slowly (rel=expect)', async ({
  page,
}) => {
  // The largest page of its own kind, trickled in at 8 KB/s so the parser gets it in pieces: without the rel=expect
  // link Chromium draws frames between pieces, the header alone first. The link names the element that ends the first
  // screen (the first part below the fold, else the footer).
  const sizes = await Promise.all(
    samplePages.map(async (path) => ({ path, bytes: (await (await page.request.get(path)).body()).length })),
  );
  const { path } = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: 8 * 1024,
    uploadThroughput: -1,
  });
  type Probe = { firstFrame?: string };
  await page.addInitScript(() => {
    requestAnimationFrame(() => {
      const target = document.querySelector<HTMLLinkElement>('link[rel=expect]')?.href.split('#')[1];
      (window as Probe).firstFrame = target && document.getElementById(target) ? 'parsed' : 'partial';
    });
  });
  await page.goto(path, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as Probe).firstFrame, null, { timeout: 20_000 });
  expect(await page.evaluate(() => (window as Probe).firstFrame), path).toBe('parsed');
});

// The stylesheet, the module scripts and the manifest wait in a template for the loader (src/lib/after-first-frame.ts).
// With paint reports held back, none of them may be requested at all; with them, every one is, each after the first
// paint, and the page then has its stylesheet and no template left.
for (const path of samplePages) {
  test(`${path}: what the first screen does not need is requested once the first paint is reported`, async ({
    browser,
  }) => {
    const problems: string[] = [];
    const held = await browser.newContext();
    await held.addInitScript(() => {
      window.PerformanceObserver = class {
        static supportedEntryTypes = ['paint'];
        observe() {}
        disconnect() {}
        takeRecords() {
          return [];
        }
      } as unknown as typeof PerformanceObserver;
    });
    const heldPage = await held.newPage();
    const early: string[] = [];
    heldPage.on('request', (r) => {
      if (/\/_astro\/|\.webmanifest$/.test(r.url())) early.push(new URL(r.url()).pathname);
    });
    await heldPage.goto(path, { waitUntil: 'load' });
    await heldPage.waitForTimeout(300);
    if (early.length) problems.push(`${path}: requested with no paint reported: ${early.join(', ')}`);
    const deferred = await heldPage.evaluate(
      (template) =>
        [...((document.getElementById(template) as HTMLTemplateElement | null)?.content.children ?? [])].map(
          (e) => new URL(e.getAttribute('src') ?? e.getAttribute('href')!, location.href).href,
        ),
      AFTER_FIRST_FRAME_ID,
    );
    await held.close();

    const page = await browser.newPage();
    await page.goto(path, { waitUntil: 'load' });
    await page.waitForFunction((template) => !document.getElementById(template), AFTER_FIRST_FRAME_ID);
    await page.waitForFunction(() => [...document.styleSheets].some((s) => s.href?.includes('/_astro/')));
    await page.waitForLoadState('networkidle'); // resource timing lists a request once it has finished
    const timing = await page.evaluate(() => ({
      firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN,
      requests: performance
        .getEntriesByType('resource')
        .map((e) => ({ url: e.name, start: e.startTime }))
        .filter((e) => e.url.includes('/_astro/')),
    }));
    await page.close();
    const requested = new Set(timing.requests.map((r) => r.url));
    const fetchable = deferred.filter((url) => !url.endsWith('.webmanifest'));
    if (!fetchable.length) problems.push(`${path}: nothing waits for the first paint`);
    for (const url of fetchable) if (!requested.has(url)) problems.push(`${path}: ${url} never requested`);
    for (const { url, start } of timing.requests)
      if (!(start >= timing.firstPaint))
        problems.push(`${path}: ${url} requested at ${start} ms, first paint at ${timing.firstPaint} ms`);
    expect(problems).toEqual([]);
  });
}
