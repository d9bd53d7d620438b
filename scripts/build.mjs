#!/usr/bin/env node
/**
 * `npm run build`: `astro build` in a child process (as is every build the tests and benchmarks start, through
 * `buildEnvironment` and `astroBuild`) that tunes the three memory managers the build runs on. Each reads its settings
 * only when a process starts, so neither Astro's config nor this process can set them for itself.
 *
 * V8, by a flag (`HEAP_FLAGS`):
 *   --heap-growing-percent=50  after a full collection the JavaScript heap may grow to 1.5 times what is live before
 *                              the next one, not up to 4 times (V8's default on a fast machine). Bundling the content
 *                              store leaves hundreds of MB of garbage; at 2,000 entries the default let the heap reach
 *                              about 1 GB before it was collected, the build's peak (1.5–1.65 GB of memory in all,
 *                              1.16–1.19 GB with it; the build took 1–5 s longer at that size).
 *
 * The native allocators, by the environment (`ALLOCATOR_SETTINGS`):
 *   MIMALLOC_PURGE_DELAY=0  the bundler (rolldown) and Astro's compiler allocate with mimalloc, which otherwise keeps
 *                           freed memory for a while before giving it back;
 *   MALLOC_ARENA_MAX=2      glibc gives each thread that allocates (sharp's, drawing the share images) an arena of
 *                           its own otherwise, and keeps what each one grew to.
 * A value already in the environment wins. Arguments are passed on to `astro build` (`--config` …).
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export const HEAP_FLAGS = ['--heap-growing-percent=50'];

export const ALLOCATOR_SETTINGS = { MIMALLOC_PURGE_DELAY: '0', MALLOC_ARENA_MAX: '2' };

/** The build's environment: the allocator settings, under whatever `env` sets already. */
export const buildEnvironment = (env = process.env) => ({ ...ALLOCATOR_SETTINGS, ...env });

/** The command that builds the project in the current folder, with `args` after `astro build`: [command, args]. */
export const astroBuild = (...args) => [
  process.execPath,
  [...HEAP_FLAGS, 'node_modules/astro/bin/astro.mjs', 'build', ...args],
];

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, args] = astroBuild(...process.argv.slice(2));
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: buildEnvironment() });
  process.exit(status ?? 1);
}
