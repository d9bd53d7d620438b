import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The real content layer over a copy of the project with one broken article: `astro sync` (which `check`
 * and `build` run first) must fail and name the file and the field.
 */
const root = mkdtempSync(join(tmpdir(), 'guide-broken-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function copyProject() {
  for (const item of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'content']) {
    cpSync(item, join(root, item), { recursive: true });
  }
  // Link each package, not the folder, so Astro's cache (node_modules/.astro) stays inside the copy.
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync('node_modules')) {
    if (name !== '.astro') symlinkSync(resolve('node_modules', name), join(root, 'node_modules', name));
  }
}

describe('astro sync over a broken entry', () => {
  it('fails, naming the file and the field', () => {
    copyProject();
    const file = join(root, 'content/frameworks/laravel/index.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^license: .*$/m, 'license: WTFPL-9'));
    const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const output = result.stdout + result.stderr;
    expect(result.status, output).not.toBe(0);
    expect(output).toContain('content/frameworks/laravel/index.mdx');
    expect(output).toMatch(/license: /);
  }, 60_000);
});
