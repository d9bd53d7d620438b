/**
 * The names of the tests that failed, from the two runners' JSON reports, so the end of `npm test` (all that a CI
 * log's tail may show) says which tests failed and why, not only how many.
 */
import { stripVTControlCharacters } from 'node:util';

const firstLine = (text) =>
  stripVTControlCharacters(String(text ?? ''))
    .trim()
    .split('\n')[0]
    ?.slice(0, 200) ?? '';

/** Vitest's JSON reporter: testResults[].assertionResults[] with status "failed". */
export function vitestFailures(report) {
  return (report?.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((t) => t.status === 'failed')
      .map((t) => ({ name: `${relative(file.name)} › ${t.fullName}`, reason: firstLine(t.failureMessages?.[0]) })),
  );
}

/** Playwright's JSON reporter: nested suites of specs whose tests ended "unexpected" or "flaky". */
export function playwrightFailures(report) {
  const out = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
        const error = test.results?.flatMap((r) => r.errors ?? [])[0];
        out.push({
          name:
            [`[${test.projectName}] ${spec.file}`, ...titles, spec.title].join(' › ') +
            (test.status === 'flaky' ? ' (flaky)' : ''),
          reason: firstLine(error?.message),
        });
      }
    }
    for (const child of suite.suites ?? [])
      walk(child, child.title && child.title !== child.file ? [...titles, child.title] : titles);
  };
  for (const suite of report?.suites ?? []) walk(suite, []);
  return out;
}

function relative(path) {
  const at = String(path).indexOf('/tests/');
  return at >= 0 ? String(path).slice(at + 1) : String(path);
}
