import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  AFTER_FIRST_FRAME_ID,
  AFTER_FIRST_FRAME_LOADER,
  withRestAfterFirstFrame,
} from '../../src/lib/after-first-frame';

const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const loader = `<script>${AFTER_FIRST_FRAME_LOADER}</script>`;

describe('withRestAfterFirstFrame', () => {
  it('moves module scripts, the manifest link and body stylesheets into the template, the sheets also in <noscript>', () => {
    const html = page(
      '<script type="module" src="/a.js"></script><link rel="stylesheet" href="/head.css"><link rel="manifest" href="/m">',
      '<p>x</p><script type="module" src="/b.js"></script><p>y</p><link rel="stylesheet" href="/s.css">',
    );
    expect(withRestAfterFirstFrame(html)).toBe(
      page(
        '<link rel="stylesheet" href="/head.css">',
        '<p>x</p><p>y</p>' +
          `<template id="${AFTER_FIRST_FRAME_ID}"><script type="module" src="/a.js"></script><link rel="manifest" href="/m">` +
          '<script type="module" src="/b.js"></script><link rel="stylesheet" href="/s.css"></template>' +
          `<noscript><link rel="stylesheet" href="/s.css"></noscript>${loader}`,
      ),
    );
  });
  it('leaves inline scripts, JSON-LD and other links where they are, and a page with nothing to defer as it was', () => {
    const html = page(
      '<script>1</script><script type="application/ld+json">{}</script><script type="module">2</script>',
      '<link rel="icon" href="/i.svg"><script src="/classic.js"></script>',
    );
    expect(withRestAfterFirstFrame(html)).toBe(html);
  });
  it('adds no <noscript> when only scripts wait', () => {
    const out = withRestAfterFirstFrame(page('', '<script type="module" src="/b.js"></script>'));
    expect(out).not.toContain('<noscript>');
    expect(out).toContain(
      `<template id="${AFTER_FIRST_FRAME_ID}"><script type="module" src="/b.js"></script></template>`,
    );
  });
  it('refuses a fragment without a body rather than guess where the first screen is', () => {
    expect(() => withRestAfterFirstFrame('<p>fragment</p><script type="module" src="/b.js"></script>')).toThrow(
      /no <body>/,
    );
  });
});

describe('the loader', () => {
  /** Runs the loader against a minimal DOM, with or without Paint Timing; callbacks run only when the test says. */
  function run({ paintTiming, hash = '' }: { paintTiming: boolean; hash?: string }) {
    const appended: unknown[] = [];
    const paints: (() => void)[] = [];
    const frames: (() => void)[] = [];
    const timers: (() => void)[] = [];
    const observed: unknown[] = [];
    class PerformanceObserver {
      static supportedEntryTypes = paintTiming ? ['mark', 'paint'] : ['mark'];
      callback: () => void;
      constructor(callback: () => void) {
        this.callback = callback;
      }
      observe(options: unknown) {
        observed.push(options);
        paints.push(this.callback);
      }
    }
    let template: { remove(): void; content: { cloneNode(deep: boolean): unknown } } | null = {
      remove: () => (template = null),
      content: { cloneNode: (deep) => ({ clone: 'of the tags', deep }) },
    };
    const document = {
      getElementById: (id: string) => (id === AFTER_FIRST_FRAME_ID ? template : null),
      head: { append: (node: unknown) => appended.push(node) },
    };
    runInNewContext(AFTER_FIRST_FRAME_LOADER, {
      document,
      location: { hash },
      PerformanceObserver,
      requestAnimationFrame: (f: () => void) => frames.push(f),
      setTimeout: (f: () => void) => timers.push(f),
    });
    const flush = (queue: (() => void)[]) => queue.splice(0).forEach((f) => f());
    return { appended, observed, flush, paints, frames, timers, templateLeft: () => template !== null };
  }
  const live = [{ clone: 'of the tags', deep: true }];

  it('puts a live copy of the tags in the head once the browser has reported a paint, and only once', () => {
    const { appended, observed, flush, paints, frames, timers, templateLeft } = run({ paintTiming: true });
    expect(observed).toEqual([{ type: 'paint', buffered: true }]);
    expect(frames).toEqual([]);
    expect(timers).toEqual([]);
    paints[0]!();
    expect(appended).toEqual([]);
    flush(timers);
    expect(appended).toEqual(live);
    expect(templateLeft()).toBe(false);
    paints[0]!(); // first-paint, then first-contentful-paint
    flush(timers);
    expect(appended).toEqual(live);
  });

  it('without Paint Timing, waits for the first animation frame and the task after it', () => {
    const { appended, observed, flush, frames, timers } = run({ paintTiming: false });
    expect(observed).toEqual([]);
    flush(frames);
    expect(appended).toEqual([]);
    flush(timers);
    expect(appended).toEqual(live);
  });

  it('with a #part in the address, puts them in at once, before the load event', () => {
    const { appended, observed, frames, timers } = run({ paintTiming: true, hash: '#compare-with' });
    expect(appended).toEqual(live);
    expect([observed, frames, timers]).toEqual([[], [], []]);
  });
});
