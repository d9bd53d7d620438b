/**
 * HTML validity: the W3C Nu Html Checker over every built page, in one run, and html-validate for what the Nu
 * checker does not look at (unique landmark names, explicit button types, native elements over ARIA roles).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { allPages } from '../support/html';
import { nuCheck, nuProblems, type NuMessage } from '../support/nu-checker';

const htmlFiles = readdirSync('dist/client', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html'))
  .map((f) => join('dist/client', f))
  .sort();
/** Broken on purpose, checked in the same run: the gate must reject it. */
const FIXTURE = 'tests/fixtures/html/invalid.html';

describe('W3C Nu Html Checker', () => {
  let report: Map<string, NuMessage[]>;
  beforeAll(() => {
    report = nuCheck([...htmlFiles, FIXTURE]);
  }, 120_000);

  it('reports nothing about files it was not given', () => {
    expect([...report.keys()].sort()).toEqual([...htmlFiles, FIXTURE].sort());
  });

  it.each(htmlFiles)('%s has no errors or warnings', (file) => {
    expect(nuProblems(report.get(file)!)).toEqual([]);
  });

  it('rejects a page with a script after </html>, a skipped heading level and a blocking preload, naming the line', () => {
    expect(nuProblems(report.get(FIXTURE)!)).toEqual([
      '4:1 error: A “link” element with a “blocking” attribute must have a “rel” attribute whose value is “stylesheet”.',
      '8:1 error: The heading “h4” (with computed level 4) follows the heading “h1” (with computed level 1), skipping 2 heading levels.',
      '12:1 error: Stray start tag “script”.',
      '12:1 fatal error: Cannot recover after last error. Any further errors will be ignored.',
    ]);
  });
});

/**
 * A real HTML validator over every built page. Only `void-style` (<meta/> vs <meta>) is a style choice we skip; and
 * checkboxes may share a name like radios do, as one field with several values (the decision helper's languages).
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'void-style': 'off',
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
});

describe('html-validate', () => {
  it.each(allPages().map((p) => [p.path, p.html] as const))('%s has no validator errors', async (path, html) => {
    const report = await validator.validateString(html, path);
    const problems = report.results.flatMap((r) =>
      r.messages.map((m) => `${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(problems).toEqual([]);
  });
});
