import { describe, expect, it } from 'vitest';
import { withoutRedirectFiles } from '../../src/integrations/build-log.js';
import { isAstroDirectiveWarning } from '../../src/lib/build-warnings';

type LogEvent = { level: string; label: string | null; message: string; newLine: boolean };
const route = (file: string): LogEvent => ({
  level: 'info',
  label: null,
  message: `  \x1b[34m├─\x1b[39m \x1b[2m${file}\x1b[22m`,
  newLine: false,
});
const timing = (note = ''): LogEvent => ({
  level: 'info',
  label: 'SKIP_FORMAT',
  message: ` \x1b[2m(+0ms)\x1b[22m ${note}`,
  newLine: true,
});
const EMPTY = '\x1b[33m(file not created, response body was empty)\x1b[39m';

function run(events: LogEvent[]) {
  const written: LogEvent[] = [];
  const log = withoutRedirectFiles({ write: (e) => written.push(e) }, ['/compare/laravel-vs-django']);
  for (const e of events) log.write(e);
  log.flush?.();
  return written;
}

describe('build log', () => {
  it('drops the "file not created" line of a configured redirect', () => {
    expect(
      run([route('/compare/laravel-vs-django/index.html'), timing(EMPTY), route('/faq/index.html'), timing()]),
    ).toEqual([route('/faq/index.html'), timing()]);
  });

  it('keeps an empty body on any other path, and a redirect path that did produce a file', () => {
    const events = [route('/faq/index.html'), timing(EMPTY), route('/compare/laravel-vs-django/index.html'), timing()];
    expect(run(events)).toEqual(events);
  });

  it('keeps a held line when the log ends after it', () => {
    expect(run([route('/compare/laravel-vs-django/index.html')])).toEqual([
      route('/compare/laravel-vs-django/index.html'),
    ]);
  });
});

describe('bundler warnings', () => {
  it("ignores only Rolldown's warning about Astro's head-inject directive", () => {
    const message = (directive: string) =>
      `The semantics of the module level directive "${directive}" in "content/trends/serverless.mdx?astroPropagatedAssets" may not be preserved when bundling.`;
    expect(isAstroDirectiveWarning({ code: 'MODULE_LEVEL_DIRECTIVE', message: message('use astro:head-inject') })).toBe(
      true,
    );
    expect(isAstroDirectiveWarning({ code: 'MODULE_LEVEL_DIRECTIVE', message: message('use client') })).toBe(false);
    expect(isAstroDirectiveWarning({ code: 'CIRCULAR_DEPENDENCY', message: 'use astro:head-inject' })).toBe(false);
  });
});
