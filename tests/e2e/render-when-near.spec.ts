import type { Page } from '@playwright/test';
import { BELOW_THE_FOLD_ID } from '../../src/lib/critical-css';
import { expect, test } from '../support/e2e-test';

/**
 * An article's body, when it starts below the fold, is styled and laid out only as it nears the viewport
 * (`content-visibility: auto` in src/styles/global.css). These checks hold that to what a reader sees: the body is not
 * rendered on a phone's first screen, is once scrolled to, lays out exactly as it does without the rule, and a page
 * opened at a heading in it, or a jump to one from the contents, lands on that heading.
 */
const ARTICLE = '/frameworks/django/';
const BODY = `.prose#${BELOW_THE_FOLD_ID}`;

/** The last heading of the body: the farthest a jump goes, past every part still unrendered. */
const lastHeadingId = (page: Page) => page.locator(`${BODY} h2[id]`).last().getAttribute('id') as Promise<string>;

/** Where the body's first elements are, relative to it, and its height (the page scrolled to it, so it is rendered). */
const bodyLayout = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const body = document.querySelector(selector)!;
    body.scrollIntoView();
    const top = body.getBoundingClientRect().top;
    return {
      height: body.getBoundingClientRect().height,
      children: [...body.children].slice(0, 5).map((child) => child.getBoundingClientRect().top - top),
    };
  }, selector);

/** Whether an element is rendered now, or skipped with the body it is in. */
const rendered = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => element.checkVisibility({ contentVisibilityAuto: true }));

test.describe('phones', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the body is skipped on the first screen and rendered once scrolled to', async ({ page }) => {
    await page.goto(ARTICLE);
    const body = page.locator(BODY);
    await expect(body).toHaveCSS('content-visibility', 'auto');
    const lastParagraph = `${BODY} > p:last-of-type`;
    expect(await rendered(page, lastParagraph), 'skipped before scrolling').toBe(false);
    await page.locator(lastParagraph).scrollIntoViewIfNeeded();
    await expect.poll(() => rendered(page, lastParagraph), { message: 'rendered once scrolled to' }).toBe(true);
  });

  test('the body lays out as it does without content-visibility', async ({ page }) => {
    await page.goto(ARTICLE);
    await page.locator(BODY).scrollIntoViewIfNeeded();
    await expect.poll(() => rendered(page, `${BODY} > :first-child`)).toBe(true);
    const skippable = await bodyLayout(page, BODY);
    await page.locator(BODY).evaluate((body) => body.setAttribute('id', 'not-skippable'));
    await expect(page.locator('#not-skippable')).toHaveCSS('content-visibility', 'visible');
    const plain = await bodyLayout(page, '#not-skippable');
    expect(skippable.children).toEqual(plain.children);
    expect(Math.abs(skippable.height - plain.height)).toBeLessThan(1);
  });
});

test('a page opened at a heading in the body lands on that heading, the body rendered', async ({ page }) => {
  await page.goto(ARTICLE);
  const id = await lastHeadingId(page);
  await page.goto(`${ARTICLE}#${id}`);
  await expect(page.locator(BODY)).toHaveCSS('content-visibility', 'visible');
  await expect(page.locator(`#${id}`)).toBeInViewport();
});

test('a jump from the contents lands on its heading', async ({ page }, info) => {
  await page.goto(ARTICLE);
  const id = await lastHeadingId(page);
  if (info.project.name === 'mobile') await page.locator('details[data-toc] > summary').click();
  await page.locator(`nav[aria-label="On this page"] a[href="#${id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  await expect(page.locator(`#${id}`)).toBeInViewport();
});
