#!/usr/bin/env node
/**
 * `npm run bench`: figures, not pass/fail. One table per part, selectable with --only (see --help):
 *   weight      build time, then every page's weight: HTML, CSS, JS, images, fonts (raw, gzip, brotli) and the
 *               critical bytes (HTML with its inline CSS + render-blocking CSS, brotli) against the 14 KB first round trip
 *   lighthouse  Lighthouse 13 (mobile and desktop presets) in the system Chromium against scripts/server.mjs on
 *               loopback: the four category scores, LCP, TBT, CLS, FCP, medians of 3 runs, each run alternating
 *               with a baseline build (--baseline, the previous commit by default) served the same way
 *   signup      the newsletter signup under load, by scripts/bench-signup.mjs when that script exists: on SQLite,
 *               and on PostgreSQL too when DATABASE_URL is set
 *   load        the load tests (tests/load/, Vitest): hundreds of concurrent signups stored and mailed exactly
 *               once, a thousand across two servers on PostgreSQL, and a 20,000-path memory soak; pass or fail
 *   scaling     synthetic corpora (100, 500, 2,000 entries by default) built cold in a temporary copy of the
 *               project: build time and peak memory, in total and per page
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { buildBaseline } from './lib/baseline.mjs';
import { astroBuild, buildEnvironment } from './build.mjs';
import { parseBenchArgs, USAGE } from './lib/bench-args.mjs';
import {
  chromiumPath,
  hasFcp,
  launchChromium,
  medianRun,
  runLighthouse,
  summarizeLhr,
  trappedHost,
  trapProxy,
} from './lib/lighthouse.mjs';
import { FIRST_ROUND_TRIP, pageWeights } from './lib/page-weight.mjs';
import { BUILD_PHASES, scalingRows, scalingRun } from './lib/scaling.mjs';
import { startServer } from './lib/serve.mjs';
import { kb, section } from './lib/table.mjs';

let options;
try {
  options = parseBenchArgs(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
});

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const fixed = (n, digits = 0) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const failures = [];

console.log(
  `Machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GiB memory, ` +
    `Node ${process.versions.node}, ${process.platform}; load average ${load()} (1, 5, 15 min); ${new Date().toISOString()}`,
);
console.log(`Parts: ${options.parts.join(', ')}`);

/** Each part runs on its own: one that fails is reported and the others still run. */
async function part(name, fn) {
  if (!options.parts.includes(name) || interrupted) return;
  try {
    await fn();
  } catch (error) {
    failures.push(name);
    console.error(`\n✖ ${name}: ${error instanceof Error ? error.message : error}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Build (for weight, lighthouse, signup and load: they all look at the real site's dist/)
// ---------------------------------------------------------------------------------------------------------------
let buildSeconds;
const SIGNUP_SCRIPT = 'scripts/bench-signup.mjs';
const needsBuild = options.parts.some(
  (p) => p === 'weight' || p === 'lighthouse' || p === 'load' || (p === 'signup' && existsSync(SIGNUP_SCRIPT)),
);
if (needsBuild) {
  if (options.skipBuild && existsSync('dist/server/entry.mjs')) {
    console.log('\nBuild: skipped (--skip-build), using the existing dist/');
  } else {
    const started = performance.now();
    const build = spawnSync(...astroBuild(), {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: buildEnvironment({ ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }),
    });
    buildSeconds = (performance.now() - started) / 1000;
    if (build.status !== 0) {
      console.error('astro build failed');
      process.exit(1);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Page weight
// ---------------------------------------------------------------------------------------------------------------
await part('weight', () => {
  const rows = pageWeights().sort((a, b) => a.page.localeCompare(b.page));
  if (buildSeconds !== undefined) {
    console.log(
      `\nBuild: ${buildSeconds.toFixed(2)} s for ${rows.length} pages (${((buildSeconds * 1000) / rows.length).toFixed(0)} ms/page), load average ${load()}`,
    );
  }
  const triple = (s) => [kb(s.raw), kb(s.gzip), kb(s.brotli)];
  const over = rows.filter((r) => r.critical.brotli > FIRST_ROUND_TRIP);
  const articles = rows.filter((r) => /^\/(frameworks|trends)\/[^/]+\/$/.test(r.page));
  const range = (list, f) => (list.length ? `${kb(Math.min(...list.map(f)))}–${kb(Math.max(...list.map(f)))}` : 'n/a');
  console.log(
    section(
      'Page weight (KB; each kind raw, gzip, brotli; critical = HTML (inline CSS included) + render-blocking CSS)',
      [
        'page',
        'HTML',
        'gz',
        'br',
        'CSS',
        'gz',
        'br',
        'JS',
        'gz',
        'br',
        'img',
        'gz',
        'br',
        'font',
        'gz',
        'br',
        'total gz',
        'br',
        'critical br',
        '14 KB',
      ],
      rows.map((r) => [
        r.page,
        ...triple(r.html),
        ...triple(r.css),
        ...triple(r.js),
        ...triple(r.images),
        ...triple(r.fonts),
        kb(r.total.gzip),
        kb(r.total.brotli),
        kb(r.critical.brotli),
        r.critical.brotli > FIRST_ROUND_TRIP ? `+${kb(r.critical.brotli - FIRST_ROUND_TRIP)}` : 'ok',
      ]),
      [
        `${over.length} of ${rows.length} pages over the 14 KB first round trip (critical, brotli). Articles: critical ${range(articles, (r) => r.critical.brotli)} KB brotli ` +
          `(render-blocking CSS ${range(articles, (r) => r.critical.brotli - r.html.brotli)}); gzip ${range(articles, (r) => r.critical.gzip)}.`,
        'JS = module scripts and their static imports (inline scripts are inside the HTML bytes). CSS and JS files are shared by pages',
        'and cached after the first one: these are first-visit figures. Images/fonts: <img>, preloads and url() in the CSS (icons not counted).',
        `Totals: HTML ${kb(rows.reduce((a, r) => a + r.html.raw, 0))} KB raw across ${rows.length} pages.`,
      ],
    ),
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Lighthouse
// ---------------------------------------------------------------------------------------------------------------
/** The issue #21 targets, on the mobile preset: what a row misses, or "met". */
function missedTargets(s) {
  const misses = [];
  for (const [name, score] of Object.entries(s.scores)) if (score !== 100) misses.push(`${name} ${fixed(score)}`);
  if (!(s.fcp <= 850)) misses.push('FCP > 850');
  if (!(s.lcp <= 850)) misses.push('LCP > 850');
  if (!(s.tbt <= 50)) misses.push('TBT > 50');
  return misses.length ? misses.join(', ') : 'met';
}

await part('lighthouse', async () => {
  const browser = chromiumPath();
  const version = spawnSync(browser, ['--version'], { encoding: 'utf8' }).stdout.trim() || browser;
  const trap = await trapProxy();
  /** What is measured: the baseline first (when there is one), then this build; each run alternates between them. */
  const builds = [];
  if (options.baseline) {
    const base = buildBaseline(options.baseline, { skipBuild: options.skipBuild });
    builds.push({ label: `before (${base.commit})`, note: `${base.commit} "${base.subject}"`, dir: base.dir });
  }
  builds.push({ label: 'now', note: 'this checkout', dir: process.cwd() });
  let chromium;
  const rows = [];
  const notes = [];
  const lost = new Map();
  const offLoopback = new Set();
  const errors = [];
  let benchmarkIndex = [];
  try {
    for (const build of builds) build.server = await startServer({ cwd: build.dir });
    const probe = await fetch(`${builds.at(-1).server.url}/`, { headers: { 'accept-encoding': 'gzip, br' } });
    await probe.arrayBuffer();
    notes.push(
      `Servers: each build's own scripts/server.mjs on loopback (${builds.map((b) => `${b.label}: ${b.note}`).join('; ')}); Content-Encoding of HTML for "Accept-Encoding: gzip, br": ${probe.headers.get('content-encoding') ?? 'none (sent uncompressed)'}.`,
    );
    chromium = await launchChromium({ path: browser, trapPort: trap.port });
    for (const page of options.pages) {
      for (const preset of ['mobile', 'desktop']) {
        const lhrs = builds.map(() => []);
        for (let i = 0; i < options.runs; i++) {
          // Alternate which build goes first, so neither always runs on a warmer (or busier) machine.
          const order = builds.map((_, b) => b);
          if (i % 2) order.reverse();
          for (const b of order) {
            if (interrupted) throw new Error('interrupted');
            lhrs[b].push(await runLighthouse(`${builds[b].server.url}${page}`, { port: chromium.port, preset }));
          }
        }
        for (const [b, build] of builds.entries()) {
          const all = lhrs[b].map(summarizeLhr);
          const s = summarizeLhr(await medianRun(lhrs[b]));
          benchmarkIndex.push(...all.map((a) => a.benchmarkIndex).filter((n) => typeof n === 'number'));
          all.flatMap((a) => a.offLoopback).forEach((u) => offLoopback.add(u));
          if (s.runtimeError) errors.push(`${page} ${preset} ${build.label}: ${s.runtimeError}`);
          const unmeasured = lhrs[b].filter((l) => !hasFcp(l));
          if (unmeasured.length)
            notes.push(
              `${page} ${preset} ${build.label}: ${unmeasured.length} of ${lhrs[b].length} runs measured no FCP (${unmeasured.map((l) => l.runtimeError?.code ?? 'no error given').join(', ')}), left out of the median.`,
            );
          for (const w of s.warnings) notes.push(`${page} ${preset} ${build.label}: ${w}`);
          if (build.label === 'now')
            for (const l of s.lost) {
              const key = `${l.category}: ${l.title}`;
              const entry = lost.get(key) ?? { where: [], display: l.display };
              entry.where.push(`${page} ${preset}${l.display ? ` (${l.display})` : ''}`);
              lost.set(key, entry);
            }
          rows.push([
            b === 0 ? page : '',
            b === 0 ? preset : '',
            build.label,
            fixed(s.scores.performance),
            fixed(s.scores.accessibility),
            fixed(s.scores.bestPractices),
            fixed(s.scores.seo),
            fixed(s.fcp),
            fixed(s.lcp),
            fixed(s.tbt),
            fixed(s.cls, 3),
            preset === 'mobile' ? missedTargets(s) : '',
          ]);
        }
        console.error(
          `  lighthouse ${page} ${preset}: done (${options.runs} run${options.runs > 1 ? 's' : ''} per build)`,
        );
      }
    }
  } finally {
    await chromium?.close();
    for (const build of builds) await build.server?.stop();
    await trap.close();
  }
  const trapped = trap.attempts.map(trappedHost);
  const attempts = [...new Set(trapped.filter(Boolean))];
  benchmarkIndex = benchmarkIndex.sort((a, b) => a - b);
  console.log(
    section(
      `Lighthouse 13 (${options.runs === 1 ? 'one run' : `median of ${options.runs} runs`} per page, preset and build; ms except CLS)`,
      ['page', 'preset', 'build', 'perf', 'a11y', 'best pr.', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'targets (mobile)'],
      rows,
      [
        `${version}; Lighthouse simulated throttling (mobile: Moto G Power, slow 4G, 4x CPU; desktop: no CPU slowdown, 40 ms RTT).`,
        'Targets (mobile): FCP and LCP <= 850 ms, TBT <= 50 ms, all four scores 100.',
        `Lighthouse benchmarkIndex ${benchmarkIndex.length ? `${fixed(benchmarkIndex[0])}–${fixed(benchmarkIndex.at(-1))}` : 'n/a'} (higher = faster machine; a loaded machine scores lower).`,
        ...notes,
        `Network: ${offLoopback.size === 0 ? 'every request the pages made was to loopback' : `requests off loopback: ${[...offLoopback].join(', ')}`}; ` +
          `${attempts.length === 0 ? 'Chromium tried no other host' : `Chromium tried (and was refused): ${attempts.join(', ')}`}; ` +
          `${trapped.filter((h) => !h).length} background request(s) of Chromium's own answered by the loopback trap.`,
        ...(lost.size
          ? [
              'Points lost by this build (weighted audits below 1):',
              ...[...lost].map(([k, v]) => `  - ${k}: ${v.where.join('; ')}`),
            ]
          : ['No weighted audit lost points in this build.']),
      ],
    ),
  );
  if (errors.length) throw new Error(`Lighthouse could not measure:\n${errors.join('\n')}`);
  if (offLoopback.size || attempts.length) throw new Error('something tried to leave loopback (see above)');
});

// ---------------------------------------------------------------------------------------------------------------
// Signup under load: scripts/bench-signup.mjs (autocannon against the real server with a throwaway database),
// run after the build above once per store, printing what it prints.
// ---------------------------------------------------------------------------------------------------------------
await part('signup', () => {
  console.log(`\n## Signup endpoint under load (${SIGNUP_SCRIPT})`);
  if (!existsSync(SIGNUP_SCRIPT)) {
    console.log(`\n${SIGNUP_SCRIPT} not found: skipped (it comes with the newsletter signup).`);
    return;
  }
  // Each store the server can run on: SQLite always, PostgreSQL when DATABASE_URL names a server.
  const stores = process.env.DATABASE_URL?.trim() ? ['sqlite', 'postgres'] : ['sqlite'];
  for (const store of stores) {
    console.log('');
    const run = spawnSync(process.execPath, [SIGNUP_SCRIPT, '--store', store], { stdio: 'inherit', env: process.env });
    if (run.status !== 0) throw new Error(`${SIGNUP_SCRIPT} --store ${store} exited with ${run.status ?? run.signal}`);
  }
  if (stores.length === 1)
    console.log('\nPostgreSQL: not measured (set DATABASE_URL to measure the server on PostgreSQL too).');
});

// ---------------------------------------------------------------------------------------------------------------
// Load tests: the Vitest project "load" (tests/load/) against the real server over the dist/ built above. Too slow
// for `npm test`, so they live here; they pass or fail like any test.
// ---------------------------------------------------------------------------------------------------------------
await part('load', () => {
  console.log('\n## Load tests (tests/load/)\n');
  const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'load'], {
    stdio: 'inherit',
    env: process.env,
  });
  if (run.status !== 0) throw new Error(`the load tests failed (vitest exited with ${run.status ?? run.signal})`);
});

// ---------------------------------------------------------------------------------------------------------------
// Build scaling
// ---------------------------------------------------------------------------------------------------------------
await part('scaling', () => {
  const runs = [];
  const errors = [];
  for (const n of options.sizes) {
    if (interrupted) break;
    console.error(`  scaling: building ${n} synthetic ${options.corpus} (load average ${load()}) …`);
    try {
      runs.push(scalingRun(options.corpus, n));
    } catch (error) {
      errors.push(`${n}: ${error instanceof Error ? error.message : error}`);
    }
  }
  const rows = scalingRows(runs);
  console.log(
    section(
      `Build scaling (synthetic ${options.corpus}: a cold build of a temporary copy, then a warm one with nothing changed; per page = per HTML page, cold)`,
      [
        'entries',
        'HTML pages',
        'share PNGs',
        'build s',
        'ms/page',
        'marginal ms/page',
        'CPU s',
        'CPU ms/page',
        'cores used',
        'peak MB',
        'peak KB/page',
        'warm s',
        'warm peak MB',
        'load 1m before→after',
      ],
      rows.map((r) => [
        r.entries,
        r.htmlPages,
        r.ogImages,
        fixed(r.wallSeconds, 1),
        fixed(r.msPerPage, 1),
        r.marginalMsPerPage === undefined ? '–' : fixed(r.marginalMsPerPage, 1),
        fixed(r.cpuSeconds, 1),
        fixed(r.cpuMsPerPage, 1),
        fixed(r.cpuShare, 2),
        fixed(r.peakMb),
        fixed(r.peakKbPerPage),
        r.warmSeconds === undefined ? '–' : fixed(r.warmSeconds, 1),
        r.warmPeakMb === undefined ? '–' : fixed(r.warmPeakMb),
        `${fixed(r.loadBefore, 2)}→${fixed(r.loadAfter, 2)}`,
      ]),
      [
        `Each build adds the entries to a copy of the project (real content kept) in the system temp folder, removed afterwards.`,
        `marginal = extra build time per extra page since the previous size (the slope of the cost curve; flat if it stays level).`,
        `Memory: ${runs[0]?.memorySource ?? 'n/a'}. "cores used" = CPU time / wall time (2 would be both cores busy).`,
      ],
    ),
  );
  const phaseNames = BUILD_PHASES.map(([name]) => name);
  const phaseRow = (entries, kind, build) => {
    const known = phaseNames.map((name) => build.phases?.[name]);
    const counted = known.reduce((sum, s) => sum + (s ?? 0), 0);
    return [
      entries,
      kind,
      fixed(build.wallSeconds, 1),
      ...known.map((s) => s ?? '–'),
      fixed(build.wallSeconds - counted),
    ];
  };
  console.log(
    section(
      'Where the build time goes (seconds, from each build log)',
      ['entries', 'build', 'total s', ...phaseNames, 'rest'],
      runs.flatMap((r) => [phaseRow(r.entries, 'cold', r), ...(r.warm ? [phaseRow(r.entries, 'warm', r.warm)] : [])]),
      [
        `Each phase lasts from the log line that ends the one before it to its own (whole seconds); "rest" is starting Node and loading the config, and rounding.`,
      ],
    ),
  );
  if (errors.length) throw new Error(`build failed for size ${errors.join('\n')}`);
});

if (interrupted) {
  console.error('\nInterrupted.');
  process.exit(130);
}
if (failures.length) {
  console.error(`\nParts that failed: ${failures.join(', ')}`);
  process.exit(1);
}
