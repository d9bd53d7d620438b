/**
 * Playwright's `test`, with pages that are ready when `goto` or `reload` returns: a page's module scripts are put in
 * only once its first paint is reported (src/lib/after-first-frame.ts), after the load event Playwright waits for, so
 * a test that clicked at once would race them (as a reader on a slow phone may: the pages work without them). With
 * JavaScript on, these wait until they are in and have run. Pages opened otherwise can use `awaitingEnhancements`.
 */
import { test as base, type Page } from '@playwright/test';
import { AFTER_FIRST_FRAME_ID } from '../../src/lib/after-first-frame';

export { expect } from '@playwright/test';

/** In the page, before anything else: marks each script element once it has run, or failed to load. */
function markScriptsThatRan() {
  for (const type of ['load', 'error'])
    document.addEventListener(
      type,
      (event) => {
        if (event.target instanceof HTMLScriptElement) event.target.dataset['ran'] = '';
      },
      true,
    );
}

/** Resolves once what the page defers past its first paint is in the page, and every module script has run. */
export async function enhanced(page: Page): Promise<void> {
  await page.waitForFunction(
    (template) =>
      !document.getElementById(template) &&
      [...document.querySelectorAll<HTMLScriptElement>('script[type=module][src]')].every(
        (script) => script.dataset['ran'] !== undefined,
      ),
    AFTER_FIRST_FRAME_ID,
  );
}

type Waiting = { waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit' } | undefined;
const waitsForLoad = (options: Waiting) => (options?.waitUntil ?? 'load') === 'load';

/** The page, with `goto` and `reload` (waiting for the load event, their default) returning once `enhanced`. */
export async function awaitingEnhancements(page: Page): Promise<Page> {
  await page.addInitScript(markScriptsThatRan);
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    if (waitsForLoad(options)) await enhanced(page);
    return response;
  };
  page.reload = async (options) => {
    const response = await reload(options);
    if (waitsForLoad(options)) await enhanced(page);
    return response;
  };
  return page;
}

export const test = base.extend({
  page: async ({ page, javaScriptEnabled }, use) => {
    await use(javaScriptEnabled === false ? page : await awaitingEnhancements(page));
  },
});
