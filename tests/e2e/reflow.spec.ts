import { expect, test } from '../support/e2e-test';
import { clippedText, sideways } from '../support/layout-checks';
import { sitePaths } from '../support/site-pages';

/**
 * Reflow (WCAG 1.4.10) on every page of the built site: at 320 and 375 px (phones, in the mobile project) and
 * 1280 px (desktop), the page answers 200 with its h1 in sight (exactly one: tests/build/budgets.test.ts), never
 * scrolls sideways, no element sticks out of the screen or scrolls sideways
 * (code in <pre> may scroll inside itself: code needs its lines), and no text is cut off by its box.
 */
const WIDTHS = { mobile: [320, 375], desktop: [1280] } as const;
const PATHS = sitePaths();

for (const project of ['mobile', 'desktop'] as const) {
  for (const width of WIDTHS[project]) {
    // Registered only in its project (the tag; see playwright.config.ts), never skipped in the other.
    test(
      `every page reflows at ${width} px: its h1 in sight, nothing scrolls sideways, no text is clipped`,
      { tag: `@${project}-only` },
      async ({ page }) => {
        test.setTimeout(PATHS.length * 4_000);
        await page.setViewportSize({ width, height: 800 });
        const problems: string[] = [];
        for (const path of PATHS) {
          const response = await page.goto(path);
          if (response?.status() !== 200) problems.push(`${path}: answered ${response?.status()}`);
          if (!(await page.locator('h1').isVisible())) problems.push(`${path}: its h1 is not visible`);
          const found = await sideways(page, 'pre');
          if (found.page > 0) problems.push(`${path}: the document scrolls sideways by ${found.page} px`);
          problems.push(...found.elements.map((e) => `${path}: ${e}`));
          problems.push(...(await clippedText(page)).map((e) => `${path}: ${e}`));
        }
        expect(problems, `${width} px`).toEqual([]);
      },
    );
  }
}

test('the checks catch what they are there to catch: clipped text, a long word, a box wider than the screen; not sr-only text or scrolling code', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.setContent(`<!doctype html><html><head><meta name="viewport" content="width=device-width"></head><body style="margin:0">
    <p id="cut-wide" style="width:100px;overflow:hidden;white-space:nowrap">a line far too long for its narrow box</p>
    <p id="cut-tall" style="height:1em;overflow:clip">one<br>two<br>three</p>
    <p id="long-word">Amazon.Lambda.AspNetCoreServer.Hosting.Something.Even.Longer</p>
    <div id="wide" style="width:400px">wide</div>
    <span id="sr" style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap">screen readers only, a long sentence</span>
    <pre id="code" style="overflow-x:auto">const aVeryLongLineOfCodeThatScrollsInsideItsOwnBoxAndNotThePage = true;</pre>
    <p id="fits" style="overflow:hidden">fits</p>
  </body></html>`);
  const clipped = await clippedText(page);
  expect(clipped).toEqual([
    expect.stringMatching(/^p#cut-wide\..*clips its text/),
    expect.stringMatching(/^p#cut-tall\..*clips its text/),
  ]);
  const found = await sideways(page, 'pre');
  expect(found.page).toBeGreaterThan(0);
  expect(found.elements).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^text "Amazon\.Lambda.* in p#long-word/),
      expect.stringMatching(/^div#wide\./),
    ]),
  );
  expect(found.elements.join('\n')).not.toMatch(/#code|#sr|#fits|#cut-/);
  expect((await sideways(page)).elements).toEqual(
    expect.arrayContaining([expect.stringMatching(/^pre#code\..*scrolls sideways/)]),
  );
});
