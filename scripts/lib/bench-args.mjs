/** Command-line options of `npm run bench` (flags win over the BENCH_* environment variables). */
import { parseArgs } from 'node:util';

/** In the order they run: the four that use the real site's build, then the long scaling builds. */
export const PARTS = ['weight', 'lighthouse', 'signup', 'load', 'scaling'];
export const DEFAULT_SIZES = [100, 500, 2000];
export const DEFAULT_LIGHTHOUSE_PAGES = [
  '/',
  '/frameworks/django/',
  '/compare/',
  '/choose/',
  '/compare/express-vs-django/',
];
export const DEFAULT_LIGHTHOUSE_RUNS = 3;
/** What Lighthouse compares the build with, run for run: the commit before this one. */
export const DEFAULT_BASELINE = 'HEAD~1';
export const CORPORA = ['trends', 'frameworks'];

export const USAGE = `usage: npm run bench -- [options]
  --only LIST        parts to run, comma-separated: ${PARTS.join(',')} (default: all)   env BENCH_ONLY
  --sizes LIST       synthetic corpus sizes for scaling (default: ${DEFAULT_SIZES.join(',')})   env BENCH_SIZES
  --corpus KIND      what the synthetic entries are: trends (linear page count, default) or frameworks
                     (every pair gets a page: n(n-1)/2 pages, keep sizes small)   env BENCH_CORPUS
  --runs N           Lighthouse runs per page, preset and build; the median run is reported (default ${DEFAULT_LIGHTHOUSE_RUNS})   env BENCH_LH_RUNS
  --pages LIST       pages for Lighthouse (default: ${DEFAULT_LIGHTHOUSE_PAGES.join(',')})
  --baseline REF     the git commit Lighthouse compares with, built in a worktree under the temp directory, measured in
                     alternation with this build; "none" measures this build alone (default: ${DEFAULT_BASELINE})   env BENCH_BASELINE
  --skip-build       reuse the existing dist/ instead of building first
  --help`;

const list = (value) =>
  String(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function positiveInt(value, name) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: "${value}" is not a positive whole number`);
  return n;
}

/** Parses argv (without node and the script) and env into options; throws with a readable message on bad input. */
export function parseBenchArgs(argv, env = {}) {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      sizes: { type: 'string' },
      corpus: { type: 'string' },
      runs: { type: 'string' },
      pages: { type: 'string' },
      baseline: { type: 'string' },
      'skip-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const only = list(values.only ?? env.BENCH_ONLY ?? PARTS.join(','));
  const unknown = only.filter((p) => !PARTS.includes(p));
  if (unknown.length)
    throw new Error(`--only: unknown part ${unknown.map((p) => `"${p}"`).join(', ')} (parts: ${PARTS.join(', ')})`);
  if (only.length === 0) throw new Error(`--only: name at least one part (${PARTS.join(', ')})`);
  const sizesText = values.sizes ?? env.BENCH_SIZES;
  const sizes =
    sizesText === undefined ? DEFAULT_SIZES : list(sizesText).map((s) => positiveInt(s.replace(/_/g, ''), '--sizes'));
  if (sizes.length === 0) throw new Error('--sizes: give at least one size, e.g. --sizes 100');
  const corpus = values.corpus ?? env.BENCH_CORPUS ?? 'trends';
  if (!CORPORA.includes(corpus)) throw new Error(`--corpus: "${corpus}" is not one of ${CORPORA.join(', ')}`);
  const runs = positiveInt(values.runs ?? env.BENCH_LH_RUNS ?? String(DEFAULT_LIGHTHOUSE_RUNS), '--runs');
  const baselineRef = values.baseline ?? env.BENCH_BASELINE ?? DEFAULT_BASELINE;
  if (!/^[\w./~^@-]+$/.test(baselineRef)) throw new Error(`--baseline: "${baselineRef}" is not a git revision`);
  const pages = values.pages === undefined ? DEFAULT_LIGHTHOUSE_PAGES : list(values.pages);
  const badPage = pages.find((p) => !p.startsWith('/'));
  if (badPage) throw new Error(`--pages: "${badPage}" is not a site path (start it with "/")`);
  return {
    parts: PARTS.filter((p) => only.includes(p)),
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    corpus,
    runs,
    pages,
    baseline: baselineRef === 'none' ? undefined : baselineRef,
    skipBuild: values['skip-build'],
    help: values.help,
  };
}

/** The stores `npm run bench:signup` can measure. */
export const SIGNUP_STORES = ['sqlite', 'postgres'];

/**
 * Which store the signup benchmark runs on: `--store`, else PostgreSQL when DATABASE_URL is set, else SQLite.
 * @param {string | undefined} flag
 * @param {Record<string, string | undefined>} env
 * @returns {'sqlite' | 'postgres'}
 */
export function signupStore(flag, env = {}) {
  const store = flag ?? (env.DATABASE_URL?.trim() ? 'postgres' : 'sqlite');
  if (store !== 'sqlite' && store !== 'postgres')
    throw new Error(`--store: "${store}" is not one of ${SIGNUP_STORES.join(', ')}`);
  if (store === 'postgres' && !env.DATABASE_URL?.trim())
    throw new Error(
      '--store postgres needs DATABASE_URL (a role that may CREATE DATABASE: the run uses a throwaway one)',
    );
  return store;
}
