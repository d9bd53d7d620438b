import { describe, expect, it } from 'vitest';
import { playwrightFailures, vitestFailures } from '../../scripts/lib/failed-tests.mjs';

describe('failed tests named at the end of npm test', () => {
  it('reads Vitest’s report: only failed tests, with the file and the first line of the message', () => {
    const report = {
      testResults: [
        {
          name: '/work/repo/tests/unit/a.test.ts',
          assertionResults: [
            { fullName: 'a passes', status: 'passed', failureMessages: [] },
            {
              fullName: 'a › breaks',
              status: 'failed',
              failureMessages: ['\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at stack'],
            },
          ],
        },
      ],
    };
    expect(vitestFailures(report)).toEqual([
      { name: 'tests/unit/a.test.ts › a › breaks', reason: 'AssertionError: expected 1 to be 2' },
    ]);
  });

  it('reads Playwright’s report: unexpected and flaky tests, with project, describe titles and the first error', () => {
    const report = {
      suites: [
        {
          title: 'pages.spec.ts',
          file: 'pages.spec.ts',
          specs: [
            {
              title: 'ok',
              file: 'pages.spec.ts',
              tests: [{ projectName: 'desktop', status: 'expected', results: [] }],
            },
          ],
          suites: [
            {
              title: 'with JavaScript',
              file: 'pages.spec.ts',
              specs: [
                {
                  title: 'breaks',
                  file: 'pages.spec.ts',
                  tests: [
                    {
                      projectName: 'desktop',
                      status: 'unexpected',
                      results: [{ errors: [{ message: 'Error: timed out\nmore' }] }],
                    },
                  ],
                },
                {
                  title: 'wobbles',
                  file: 'pages.spec.ts',
                  tests: [{ projectName: 'desktop', status: 'flaky', results: [{ errors: [] }] }],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(playwrightFailures(report)).toEqual([
      { name: '[desktop] pages.spec.ts › with JavaScript › breaks', reason: 'Error: timed out' },
      { name: '[desktop] pages.spec.ts › with JavaScript › wobbles (flaky)', reason: '' },
    ]);
  });

  it('lists nothing for a clean or a missing report', () => {
    expect(vitestFailures(undefined)).toEqual([]);
    expect(playwrightFailures({ suites: [] })).toEqual([]);
  });
});
