#!/usr/bin/env node
/**
 * `npm test`: every tier, in order, each also runnable alone (package.json `test:*`):
 *   1. lint, format check and type check                                `npm run lint`, `npm run format:check`, `astro check`
 *   2. the build, then checks over the built dist/ and the real server   `astro build`, `npm run test:build`,
 *      (`npm run test:integration`), and meanwhile the unit tests        `npm run test:unit`
 *   3. the browser tests in Chromium                                      `npm run test:e2e`
 * Steps of one stage run side by side (this runs on 2 cores, and most steps use one): their output is printed
 * whole when each ends. Ends with one line "N passed, N failed" adding up the test runners, preceded by the list
 * of failed tests, and by a line when the PostgreSQL store tests could not run (with CI=true that fails).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { astroBuild, buildEnvironment } from './build.mjs';
import { playwrightFailures, vitestFailures } from './lib/failed-tests.mjs';
import { postgresNotRun, postgresRequired, probePostgres } from './lib/postgres.mjs';

const TMP = '.tmp';
mkdirSync(TMP, { recursive: true });
const started = performance.now();
const seconds = (from) => ((performance.now() - from) / 1000).toFixed(0);

/** Runs one step; with `buffered`, keeps its output and prints it whole at the end (for steps run side by side). */
function run({ label, command, args, env = {}, buffered = false }) {
  const from = performance.now();
  if (!buffered) console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      if (buffered) console.log(`\n▶ ${label}: ${command} ${args.join(' ')}\n${output.trimEnd()}`);
      console.log(`◀ ${label}: ${code === 0 ? 'done' : `exit ${code}`} in ${seconds(from)} s`);
      resolve(code === 0);
    });
  });
}

/** Runs steps side by side; true when all of them succeeded. */
const together = async (...steps) =>
  (
    await Promise.all(steps.map((step) => (Array.isArray(step) ? inOrder(step) : run({ ...step, buffered: true }))))
  ).every(Boolean);

/** Runs steps one after the other (stopping at the first that fails), buffered: part of a `together` stage. */
async function inOrder(steps) {
  for (const step of steps) if (!(await run({ ...step, buffered: true }))) return false;
  return true;
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
  console.log(`\nnpm test took ${seconds(started)} s`);
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

// Each Vitest run writes its own report (vitest.config.ts reads VITEST_JSON), and they are added up at the end.
const REPORTS = { unit: `${TMP}/vitest-unit.json`, served: `${TMP}/vitest-served.json`, e2e: `${TMP}/playwright.json` };
for (const file of Object.values(REPORTS)) rmSync(file, { force: true });
const vitest = (label, projects, report, workers) => ({
  label,
  command: 'npx',
  args: [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    ...(workers ? [`--maxWorkers=${workers}`] : []),
  ],
  env: { VITEST_JSON: report },
});

const checked = await together({ label: 'type check', command: 'npx', args: ['astro', 'check'] }, [
  { label: 'lint', command: 'npx', args: ['eslint', '.', '--max-warnings', '0'] },
  { label: 'format check', command: 'npx', args: ['prettier', '--check', '.'] },
]);
if (!checked) finish(0, 1, 'The lint, format or type check failed (see above).');

// The unit tests run on the second core while the build runs, and go on beside the built-site and server tests,
// which start as soon as the build is done. Those run two files at a time: Vitest's default (one) leaves a core
// idle, and the files mostly wait on the processes they start (astro, Java, servers, PostgreSQL): 175 s → 104 s.
let built = false;
const [servedOk, unitOk] = await Promise.all([
  (async () => {
    const [command, args] = astroBuild();
    built = await run({ label: 'build', command, args, env: buildEnvironment(), buffered: true });
    return (
      built &&
      run({ ...vitest('built-site and server tests', ['build', 'integration'], REPORTS.served, 2), buffered: true })
    );
  })(),
  run({ ...vitest('unit tests', ['unit'], REPORTS.unit), buffered: true }),
]);
if (!built) finish(0, 1, 'astro build failed.');

const e2eOk = await run({ label: 'browser tests', command: 'npx', args: ['playwright', 'test'] });

const unit = readJson(REPORTS.unit);
const served = readJson(REPORTS.served);
const pw = readJson(REPORTS.e2e);
const vitestReports = [unit, served].filter(Boolean);
const sum = (f) => vitestReports.reduce((n, r) => n + (f(r) ?? 0), 0);
const passed = sum((r) => r.numPassedTests) + (pw?.stats?.expected ?? 0);
const failed = sum((r) => r.numFailedTests) + (pw?.stats?.unexpected ?? 0) + (pw?.stats?.flaky ?? 0);
const skipped = sum((r) => r.numPendingTests) + sum((r) => r.numTodoTests) + (pw?.stats?.skipped ?? 0);

const failures = [...vitestReports.flatMap(vitestFailures), ...playwrightFailures(pw)];
if (failures.length > 0) {
  console.log(`\nFailed (${failures.length}):`);
  for (const f of failures) console.log(`  ✖ ${f.name}${f.reason ? `\n      ${f.reason}` : ''}`);
}

let problem;
if (!unit || !served || !pw) problem = 'A test runner did not write its report (see its output above).';
else if (skipped > 0) problem = `${skipped} test(s) skipped: a skipped test proves nothing.`;
else if ((!unitOk || !servedOk) && failed === 0) problem = 'Vitest exited with an error outside the tests.';
else if (!e2eOk && failed === 0) problem = 'Playwright exited with an error outside the tests.';
finish(passed, failed, problem);
