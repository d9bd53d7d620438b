/**
 * The site as it was at an earlier commit, built beside this one for side-by-side Lighthouse runs: a git worktree in
 * the system's temporary directory (outside the checkout, so no tool here walks into it) that shares this checkout's node_modules (a commit whose dependencies differ may need
 * its own `npm ci` there) and keeps its own Astro, share-image and compression caches.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { astroBuild, buildEnvironment } from '../build.mjs';

const git = (...args) => {
  const run = spawnSync('git', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr.trim()}`);
  return run.stdout.trim();
};

/** Checks out and builds `ref` (unless built before, or `skipBuild` and a build exists); returns where and what. */
export function buildBaseline(ref, { skipBuild = false } = {}) {
  const commit = git('rev-parse', '--short=12', `${ref}^{commit}`);
  const dir = join(tmpdir(), 'guide-bench-baseline', commit);
  if (!existsSync(dir)) {
    mkdirSync(join(tmpdir(), 'guide-bench-baseline'), { recursive: true });
    git('worktree', 'add', '--detach', dir, commit);
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  const built = existsSync(join(dir, 'dist/server/entry.mjs'));
  if (!(skipBuild && built)) {
    // Its own caches: the shared node_modules/.astro would mix the two builds' content stores.
    writeFileSync(
      join(dir, 'bench-baseline.config.mjs'),
      "import config from './astro.config.mjs';\nexport default { ...config, cacheDir: './.tmp/astro-cache' };\n",
    );
    const build = spawnSync(...astroBuild('--config', 'bench-baseline.config.mjs'), {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: buildEnvironment({
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        OG_CACHE_DIR: join(dir, '.tmp/og-cache'),
        PRECOMPRESS_CACHE_DIR: join(dir, '.tmp/precompress-cache'),
        PAGEFIND_CACHE_DIR: join(dir, '.tmp/pagefind-cache'),
      }),
    });
    if (build.status !== 0) throw new Error(`the baseline ${ref} (${commit}) did not build in ${dir}`);
  }
  return { commit, dir, subject: git('log', '-1', '--format=%s', commit).slice(0, 80) };
}
