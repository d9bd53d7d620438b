#!/usr/bin/env node
/**
 * `npm test`: type check, build, Vitest (unit + built-site tests), then Playwright in Chromium against the
 * built site on the real server. Ends with one line "N passed, N failed" adding up both runners, preceded by a
 * line when the PostgreSQL store tests could not run (no reachable DATABASE_URL; with CI=true that fails).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { playwrightFailures, vitestFailures } from './lib/failed-tests.mjs';
import { postgresNotRun, postgresRequired, probePostgres } from './lib/postgres.mjs';

const TMP = '.tmp';
mkdirSync(TMP, { recursive: true });

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function readJson(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

let postgresNote;

function finish(passed, failed, extraFailure) {
  if (postgresNote) console.log(`\n${postgresNote}`);
  if (extraFailure) console.error(`\n✖ ${extraFailure}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || extraFailure ? 1 : 0);
}

// Fail fast, with one clear line, when no browser is available (never download one).
const browser = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
if (!browser) {
  finish(
    0,
    1,
    'No Chromium found: run `apt-get install -y chromium` or set CHROMIUM_PATH to a Chrome/Chromium binary.',
  );
}

// The same for Java, which runs the W3C Nu Html Checker in tests/build/html-validity.test.ts.
if (spawnSync('java', ['-version']).error) {
  finish(0, 1, 'No Java found: run `apt-get install -y default-jre-headless` (Java 17+ runs the Nu Html Checker).');
}

// Before anything slow: CI must run the store tests on PostgreSQL too.
const postgres = await probePostgres(process.env);
if (postgres.reason) {
  if (postgresRequired(process.env))
    finish(0, 1, `${postgresNotRun(postgres.reason)}; CI=true needs PostgreSQL (.ci/run starts one).`);
  postgresNote = postgresNotRun(postgres.reason);
  console.log(postgresNote);
}

if (!run('type check', 'npx', ['astro', 'check'])) finish(0, 1, 'astro check reported errors.');
if (!run('build', 'npx', ['astro', 'build'])) finish(0, 1, 'astro build failed.');

for (const f of ['vitest.json', 'playwright.json']) rmSync(`${TMP}/${f}`, { force: true });
const unitOk = run('unit and build tests', 'npx', ['vitest', 'run']);
const e2eOk = run('browser tests', 'npx', ['playwright', 'test']);

const vitest = readJson(`${TMP}/vitest.json`);
const pw = readJson(`${TMP}/playwright.json`);
const passed = (vitest?.numPassedTests ?? 0) + (pw?.stats?.expected ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (pw?.stats?.unexpected ?? 0) + (pw?.stats?.flaky ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (pw?.stats?.skipped ?? 0);

const failures = [...vitestFailures(vitest), ...playwrightFailures(pw)];
if (failures.length > 0) {
  console.log(`\nFailed (${failures.length}):`);
  for (const f of failures) console.log(`  ✖ ${f.name}${f.reason ? `\n      ${f.reason}` : ''}`);
}

let problem;
if (!vitest || !pw) problem = 'A test runner did not write its report (see its output above).';
else if (skipped > 0) problem = `${skipped} test(s) skipped: a skipped test proves nothing.`;
else if (!unitOk && failed === 0) problem = 'Vitest exited with an error outside the tests.';
else if (!e2eOk && failed === 0) problem = 'Playwright exited with an error outside the tests.';
finish(passed, failed, problem);
