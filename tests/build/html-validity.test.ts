import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { allPages } from '../support/html';

/**
 * A real HTML validator over every built page. Only `void-style` (<meta/> vs <meta>) is a style choice we skip; and
 * checkboxes may share a name like radios do, as one field with several values (the decision helper's languages).
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'void-style': 'off', 'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }] },
});

describe('valid HTML', () => {
  it.each(allPages().map((p) => [p.path, p.html] as const))('%s has no validator errors', async (path, html) => {
    const report = await validator.validateString(html, path);
    const problems = report.results.flatMap((r) => r.messages.map((m) => `${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(problems).toEqual([]);
  });
});
