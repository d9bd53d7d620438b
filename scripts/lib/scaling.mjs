/**
 * Build scaling: copy the project into a temporary folder (never inside the repository), add a synthetic corpus
 * to its content/, build it cold, then again with nothing changed (warm: Astro's content cache and the share-image
 * cache kept), and measure wall time, CPU time and peak memory of each build.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { astroBuild, buildEnvironment } from '../build.mjs';
import { entryIdsIn, entryOrdersIn } from '../../src/content-files/entries.ts';
import { syntheticCorpus, syntheticVersusFiles } from './corpus.mjs';
import { listFiles } from './page-weight.mjs';

const GNU_TIME = '/usr/bin/time';
const PROJECT_ITEMS = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'content', 'public'];

/**
 * A copy of the project to build in, with each package linked (not the folder) so the caches stay in the copy and
 * start empty: Astro's (.astro, .vite) and the share images' (.cache).
 */
export function copyProject(projectDir = '.', prefix = 'guide-scale-') {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const item of PROJECT_ITEMS) cpSync(join(projectDir, item), join(root, item), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(projectDir, 'node_modules'))) {
    if (!['.astro', '.vite', '.cache'].includes(name))
      symlinkSync(resolve(projectDir, 'node_modules', name), join(root, 'node_modules', name));
  }
  return root;
}

/**
 * Writes the corpus into the copy's collection folder, and for frameworks the versus file of each new pair (every
 * pair page needs one); returns how many entries were written.
 */
export function writeCorpus(root, kind, n) {
  const write = (base, entry) => {
    const file = join(base, entry.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, entry.text);
  };
  const frameworksDir = join(root, 'content', 'frameworks');
  const entries = syntheticCorpus(kind, n, entryIdsIn(frameworksDir));
  for (const entry of entries) write(join(root, 'content', kind), entry);
  if (kind === 'frameworks') {
    for (const versus of syntheticVersusFiles(
      entryOrdersIn(frameworksDir),
      entries.map((e) => e.id),
    ))
      write(join(root, 'content', 'versus'), versus);
  }
  return entries.length;
}

/** `/usr/bin/time -f '%e %U %S %M'` output (the last line that matches): wall, user, system seconds, max RSS KB. */
export function parseGnuTime(text) {
  const m = [...text.matchAll(/^(\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+)$/gm)].at(-1);
  if (!m) return undefined;
  return { wallSeconds: Number(m[1]), userSeconds: Number(m[2]), systemSeconds: Number(m[3]), maxRssKb: Number(m[4]) };
}

/**
 * Where a build's time went, from its log: each phase ends at a line Astro or one of the site's integrations writes,
 * and lasts from the previous such line (whole seconds: the log's timestamps). The first phase starts at content sync,
 * so starting Node and loading the config are not in any phase. A phase whose line is missing has no figure.
 */
export const BUILD_PHASES = [
  ['content sync', /\[content\] Synced content/],
  ['types, build info', /\[build\] Building server entrypoints/],
  ['bundling', /\[vite\] ✓ built in/, 'last'],
  ['pages and share images', /^\S+ ✓ Completed in /],
  ['first-screen CSS', /\[critical-css\] /],
  ['CSP', /\[tighten-csp\] /],
  ['search index', /\[pagefind\] (?:indexed|reused)/],
  ['compressed copies', /\[precompress\] /],
];

export function buildPhases(log) {
  const lines = log.split('\n');
  const secondsAt = (index) => {
    const m = /^(\d\d):(\d\d):(\d\d) /.exec(lines[index] ?? '');
    return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
  };
  let at = lines.findIndex((l) => /\[content\] Syncing content/.test(l));
  /** @type {Record<string, number | undefined>} */
  const phases = {};
  for (const [name, marker, which] of BUILD_PHASES) {
    const after = lines.map((line, i) => (i > at && marker.test(line) ? i : -1)).filter((i) => i >= 0);
    const end = which === 'last' ? after.at(-1) : after[0];
    if (at < 0 || end === undefined) {
      phases[name] = undefined;
      continue;
    }
    const [from, to] = [secondsAt(at), secondsAt(end)];
    // Past midnight the clock starts again.
    phases[name] = from === undefined || to === undefined ? undefined : (to - from + 86400) % 86400;
    at = end;
  }
  return phases;
}

/**
 * Fallback when GNU time is missing: a preload that writes the build process's own resource usage at exit
 * (the Node process only, not the pagefind binary it starts).
 */
const USAGE_HOOK = `import { writeFileSync } from 'node:fs';
process.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify(u)); });\n`;

/** Builds the project at `root`, returning timings and memory; output goes to root/build.log. */
export function measureBuild(root) {
  const log = join(root, 'build.log');
  const timeFile = join(root, 'time.txt');
  const [node, astro] = astroBuild();
  const env = buildEnvironment({
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    BENCH_USAGE_FILE: join(root, 'usage.json'),
  });
  const gnu = existsSync(GNU_TIME);
  if (!gnu) writeFileSync(join(root, 'usage-hook.mjs'), USAGE_HOOK);
  const [command, args] = gnu
    ? [GNU_TIME, ['-o', timeFile, '-f', '%e %U %S %M', node, ...astro]]
    : [node, ['--import', './usage-hook.mjs', ...astro]];
  const load = loadavg()[0];
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  writeFileSync(log, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.status !== 0) {
    const tail = readFileSync(log, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`astro build failed in ${root} (exit ${result.status}):\n${tail}`);
  }
  let usage;
  if (gnu) usage = parseGnuTime(readFileSync(timeFile, 'utf8'));
  else {
    const u = JSON.parse(readFileSync(join(root, 'usage.json'), 'utf8'));
    usage = {
      wallSeconds: wall,
      userSeconds: u.userCPUTime / 1e6,
      systemSeconds: u.systemCPUTime / 1e6,
      maxRssKb: u.maxRSS,
    };
  }
  const client = join(root, 'dist', 'client');
  return {
    ...usage,
    phases: buildPhases(readFileSync(log, 'utf8')),
    wallSeconds: usage?.wallSeconds ?? wall,
    memorySource: gnu ? 'GNU time (largest process of the build)' : 'process.resourceUsage (Node process only)',
    loadBefore: load,
    loadAfter: loadavg()[0],
    htmlPages: listFiles(client, '.html').length,
    ogImages: existsSync(join(client, 'og')) ? listFiles(join(client, 'og'), '.png').length : 0,
  };
}

/** One size: copy, generate, build, measure, clean up (also when the build fails). */
export function scalingRun(kind, n, { projectDir = '.', keep = false } = {}) {
  const root = copyProject(projectDir);
  try {
    const entries = writeCorpus(root, kind, n);
    const cold = measureBuild(root);
    const warm = measureBuild(root);
    return { kind, entries, root, ...cold, warm };
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Rows for the scaling table from measured runs (sorted by size): per-page figures and the marginal cost of the
 * pages added since the previous size, which is what shows whether the cost per page is flat.
 */
export function scalingRows(runs) {
  return runs.map((r, i) => {
    const prev = runs[i - 1];
    const cpu = (r.userSeconds ?? 0) + (r.systemSeconds ?? 0);
    const marginal =
      prev && r.htmlPages > prev.htmlPages
        ? ((r.wallSeconds - prev.wallSeconds) * 1000) / (r.htmlPages - prev.htmlPages)
        : undefined;
    return {
      entries: r.entries,
      htmlPages: r.htmlPages,
      ogImages: r.ogImages,
      wallSeconds: r.wallSeconds,
      msPerPage: (r.wallSeconds * 1000) / r.htmlPages,
      marginalMsPerPage: marginal,
      cpuSeconds: cpu,
      cpuMsPerPage: (cpu * 1000) / r.htmlPages,
      cpuShare: r.wallSeconds > 0 ? cpu / r.wallSeconds : undefined,
      peakMb: r.maxRssKb / 1024,
      peakKbPerPage: r.maxRssKb / r.htmlPages,
      warmSeconds: r.warm?.wallSeconds,
      warmPeakMb: r.warm ? r.warm.maxRssKb / 1024 : undefined,
      loadBefore: r.loadBefore,
      loadAfter: r.loadAfter,
    };
  });
}
