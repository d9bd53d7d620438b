import { expect, test } from '../support/e2e-test';
import { FACT_COLUMNS, RATING_COLUMNS } from '../../src/lib/comparison';
import { sideways } from '../support/layout-checks';
import { rawFrameworks } from '../support/raw-frameworks';
import { site } from '../../src/site';

/**
 * The comparison and the decision helper at the widths readers use: nothing wider than the screen, nothing that
 * scrolls sideways, every rating in view. Phone widths run in the mobile project, desktop widths in the desktop one.
 */
const WIDTHS = { mobile: [320, 375], desktop: [1280, 1440] } as const;
// Every page's reflow at 320, 375 and 1280 px is in reflow.spec.ts; here the states a page load alone does not
// show: the decision helper with answers, and the widest desktop.
const PAGES = [
  '/compare/',
  '/choose/?build=rapid-web&languages=javascript&languages=php&context=agency&hosting=shared-php&priority=learningCurve',
];

for (const path of PAGES) {
  test(`${path} fits the screen at every width`, async ({ page }, info) => {
    for (const width of WIDTHS[info.project.name as keyof typeof WIDTHS]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(path);
      const found = await sideways(page);
      expect(found.page, `${width} px: the document scrolls sideways`).toBeLessThanOrEqual(0);
      expect(found.elements, `${width} px`).toEqual([]);
    }
  });
}

test('every rating of every framework is in view, without scrolling sideways', async ({ page }, info) => {
  for (const width of WIDTHS[info.project.name as keyof typeof WIDTHS]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/compare/');
    const cells = page.locator('table#comparison td[data-rating]');
    await expect(cells).toHaveCount(rawFrameworks.length * RATING_COLUMNS.length);
    const boxes = await cells.evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().toJSON() as DOMRect));
    for (const box of boxes) {
      expect(box.left, `${width} px`).toBeGreaterThanOrEqual(0);
      expect(box.right, `${width} px`).toBeLessThanOrEqual(width);
    }
  }
});

test('the facts table keeps its table semantics in Chromium at every width, cards on phones included', async ({
  page,
}, info) => {
  const cdp = await page.context().newCDPSession(page);
  for (const width of WIDTHS[info.project.name as keyof typeof WIDTHS]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/compare/');
    // Chromium's own accessibility tree, as screen readers get it (not Playwright's reading of the DOM).
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const table = nodes.find((n) => n.role?.value === 'table' && String(n.name?.value).startsWith('Language, runtime'));
    expect(table, `${width} px: the facts table is a table`).toBeDefined();
    const roles: string[] = [];
    const names: string[] = [];
    const walk = (id: string) => {
      const node = byId.get(id)!;
      const role = String(node.role?.value);
      roles.push(role);
      if (role === 'rowheader') names.push(String(node.name?.value));
      node.childIds?.forEach(walk);
    };
    walk(table!.nodeId);
    const count = (role: string) => roles.filter((r) => r === role).length;
    expect(count('row'), `${width} px`).toBe(rawFrameworks.length + 1);
    expect(count('columnheader'), `${width} px`).toBe(FACT_COLUMNS.length + 1);
    expect(names, `${width} px`).toEqual(rawFrameworks.map((f) => f.data.name));
    expect(count('cell'), `${width} px`).toBe(rawFrameworks.length * FACT_COLUMNS.length);
  }
});

test('the check catches what it is there to catch: a table scrolling inside its box, and a box wider than the screen', async ({
  page,
}) => {
  await page.goto('/compare/');
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    const scroller = main.appendChild(document.createElement('div'));
    scroller.style.overflowX = 'auto';
    const inner = scroller.appendChild(document.createElement('div'));
    inner.style.width = '3000px';
    inner.textContent = 'wide content';
    const wide = main.appendChild(document.createElement('p'));
    wide.id = 'too-wide';
    wide.style.width = '3000px';
    wide.textContent = 'a wide paragraph';
  });
  const found = await sideways(page);
  expect(found.elements).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^div\. .*scrolls sideways/),
      expect.stringMatching(/^p#too-wide\./),
    ]),
  );
  expect(found.page).toBeGreaterThan(0);
});

test(
  'the header menu on phones: every item on screen, no line with one item alone, the same lines on every page',
  { tag: '@mobile-only' },
  async ({ page }) => {
    for (const width of WIDTHS.mobile) {
      await page.setViewportSize({ width, height: 800 });
      const seen = new Set<string>();
      for (const path of ['/', ...site.nav.map((n) => n.href)]) {
        await page.goto(path);
        const rows = await page.locator('header nav a').evaluateAll((links) => {
          const byTop = new Map<number, string[]>();
          for (const a of links) {
            const box = a.getBoundingClientRect();
            if (box.left < 0 || box.right > document.documentElement.clientWidth)
              return [[`${a.textContent} is off screen`]];
            const top = Math.round(box.top);
            byTop.set(top, [...(byTop.get(top) ?? []), a.textContent!.trim()]);
          }
          return [...byTop.values()];
        });
        expect(rows.flat(), `${width} px ${path}`).toEqual(site.nav.map((n) => n.label));
        for (const row of rows) expect(row.length, `${width} px ${path}: ${JSON.stringify(rows)}`).toBeGreaterThan(1);
        seen.add(JSON.stringify(rows));
      }
      expect(seen.size, `${width} px: the menu breaks the same way on every page (${[...seen].join(' / ')})`).toBe(1);
    }
  },
);
