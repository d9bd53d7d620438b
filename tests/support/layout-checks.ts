/**
 * What a reader would see go wrong in a layout, measured in the page: boxes that stick out of the screen or scroll
 * sideways, and text cut off by a box that hides its overflow. Shared by the layout, reflow, table-of-contents and decision-helper specs.
 */
import type { Page } from '@playwright/test';

export type Sideways = { page: number; elements: string[] };

/**
 * Elements that stick out of the viewport where a reader would see them (clipped leftovers, like sr-only text, do not
 * count), and elements that scroll sideways. `allowScrolling` names elements (a CSS selector) that may scroll inside
 * themselves: code in `<pre>` keeps its lines, as WCAG 1.4.10 allows, while the page around it does not move.
 */
export const sideways = (page: Page, allowScrolling = ''): Promise<Sideways> =>
  page.evaluate((allow) => {
    const width = document.documentElement.clientWidth;
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].slice(0, 3).join('.')} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
    /** The part of a box a reader can see: cut by every ancestor (from `from` up) that clips or scrolls. */
    const visible = (box: DOMRect, from: Element | null) => {
      let left = box.left;
      let right = box.right;
      for (let a = from; a; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX !== 'visible' || (style.position === 'absolute' && style.clip !== 'auto')) {
          const clip = a.getBoundingClientRect();
          left = Math.max(left, clip.left);
          right = Math.min(right, clip.right);
        }
      }
      return { left, right };
    };
    const out: string[] = [];
    for (const e of document.body.querySelectorAll('*')) {
      const box = e.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const { left, right } = visible(box, e.parentElement);
      if (right - left <= 1) continue; // clipped away
      if (left < -0.5 || right > width + 0.5) out.push(`${name(e)} spans ${Math.round(left)}–${Math.round(right)} px`);
      const style = getComputedStyle(e);
      if (/auto|scroll/.test(style.overflowX) && e.scrollWidth > e.clientWidth + 1 && !(allow && e.matches(allow)))
        out.push(`${name(e)} scrolls sideways (${e.scrollWidth} > ${e.clientWidth} px)`);
    }
    // Text that runs out of its own box (a long unbroken word or address): the box fits, the words do not.
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      if (!node.textContent?.trim() || !node.parentElement) continue;
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const { left, right } = visible(box, node.parentElement);
      if (right - left <= 1) continue;
      if (left < -0.5 || right > width + 0.5)
        out.push(
          `text "${node.textContent.trim().slice(0, 40)}" in ${name(node.parentElement)} spans ${Math.round(left)}–${Math.round(right)} px`,
        );
    }
    return { page: document.documentElement.scrollWidth - width, elements: out };
  }, allowScrolling);

/**
 * Text cut off by its box: an element that hides or clips its overflow (overflow hidden/clip, on either axis) whose
 * content is larger than the box, and that has visible text of its own or below it. Screen-reader-only text (a
 * 1 px box with a clip), which is meant to be invisible, does not count; nor do closed <details> (not rendered).
 */
export const clippedText = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].slice(0, 3).join('.')} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
    const hides = (v: string) => v === 'hidden' || v === 'clip';
    const out: string[] = [];
    for (const e of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(e);
      const x = hides(style.overflowX);
      const y = hides(style.overflowY);
      if (!x && !y) continue;
      const box = e.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // sr-only: meant to be heard, not seen.
      if (box.width <= 1 && box.height <= 1) continue;
      if (style.position === 'absolute' && style.clip !== 'auto') continue;
      if (!(e as HTMLElement).innerText?.trim()) continue;
      const wide = x && e.scrollWidth > e.clientWidth + 1;
      const tall = y && e.scrollHeight > e.clientHeight + 1;
      if (wide || tall)
        out.push(
          `${name(e)} clips its text (${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight} px)`,
        );
    }
    return out;
  });

/**
 * Layout shifts while `path` loads, as Chromium reports them (the CLS a visitor gets without interacting), with what
 * moved. `ready` is a selector to wait for before the half second given to whatever scripts do after load.
 */
const observed = new WeakSet<Page>();

export async function loadShift(page: Page, path: string, ready?: string): Promise<{ total: number; moved: string[] }> {
  // Once per page: the script runs again on every navigation, each load counted afresh.
  if (!observed.has(page)) {
    observed.add(page);
    await page.addInitScript(observeShifts);
  }
  await page.goto(path, { waitUntil: 'load' });
  if (ready) await page.locator(ready).waitFor();
  await page.waitForTimeout(500); // anything the scripts do after load
  return page.evaluate(() => (window as unknown as { shift: { total: number; moved: string[] } }).shift);
}

/**
 * Runs in the page before its own scripts: adds up every layout shift not caused by input, naming what moved. Shifts
 * while the parser is still reading the page are left out: on a starved CPU Chromium may paint a half-parsed header
 * and then the whole one (seen twice in CI under load average 11). What these checks guard, the page as its
 * stylesheet and scripts lay it out, moves only once the document is parsed.
 */
function observeShifts() {
  const w = window as unknown as { shift: { total: number; moved: string[] } };
  w.shift = { total: 0, moved: [] };
  type Shift = {
    value: number;
    startTime: number;
    hadRecentInput: boolean;
    sources: { node?: Element; previousRect: DOMRect; currentRect: DOMRect }[];
  };
  // The moment parsing ends ("interactive"), before deferred and module scripts run: their shifts still count.
  let parsedAt = Infinity;
  document.addEventListener('readystatechange', () => (parsedAt = Math.min(parsedAt, performance.now())), {
    once: true,
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as Shift[]) {
      // hadRecentInput is not trusted: these loads have no input, yet under Chromium's mobile emulation (isMobile,
      // hasTouch) every shift comes flagged as after input, which hid them all from the phone-width checks.
      if (entry.startTime < parsedAt) continue;
      w.shift.total += entry.value;
      w.shift.moved.push(
        ...entry.sources.map(
          (s) =>
            `${s.node?.nodeName}#${(s.node as Element | undefined)?.id}.${(s.node as Element | undefined)?.className} ${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)}`,
        ),
      );
    }
  }).observe({ type: 'layout-shift', buffered: true });
}
