import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ALLOCATOR_SETTINGS, HEAP_FLAGS, astroBuild, buildEnvironment } from '../../scripts/build.mjs';

describe('the build command', () => {
  it('runs with the allocator settings, and a value already in the environment wins', () => {
    expect(buildEnvironment({ PATH: '/bin' })).toEqual({ ...ALLOCATOR_SETTINGS, PATH: '/bin' });
    expect(buildEnvironment({ MALLOC_ARENA_MAX: '8' })['MALLOC_ARENA_MAX']).toBe('8');
    expect(ALLOCATOR_SETTINGS).toEqual({ MIMALLOC_PURGE_DELAY: '0', MALLOC_ARENA_MAX: '2' });
  });

  it('is Astro’s build on the Node that runs this, with the heap flags and the arguments given', () => {
    expect(astroBuild('--config', 'x.mjs')).toEqual([
      process.execPath,
      ['--heap-growing-percent=50', 'node_modules/astro/bin/astro.mjs', 'build', '--config', 'x.mjs'],
    ]);
    expect(HEAP_FLAGS).toEqual(['--heap-growing-percent=50']);
  });

  it('starts a Node that accepts the heap flags (it refuses one it does not know)', () => {
    const run = spawnSync(
      process.execPath,
      [...HEAP_FLAGS, '-p', "require('v8').getHeapStatistics().heap_size_limit > 0"],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('true');
  });

  // Two real starts of Astro's CLI: about a second each alone, several times that with the rest of the suite running.
  it(
    'npm run build goes through it: its arguments reach astro build, and so does its exit status',
    { timeout: 60_000 },
    () => {
      const help = spawnSync(process.execPath, ['scripts/build.mjs', '--help'], { encoding: 'utf8' });
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/astro build/);
      const bad = spawnSync(process.execPath, ['scripts/build.mjs', '--config', 'no-such.config.mjs'], {
        encoding: 'utf8',
      });
      expect(bad.status).not.toBe(0);
    },
  );
});
