import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The real content layer over a copy of the project with one broken entry: `astro sync` (which `check`
 * and `build` run first) must fail and name the file and the field.
 */
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function copyProject() {
  const root = mkdtempSync(join(tmpdir(), 'guide-broken-'));
  roots.push(root);
  for (const item of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'content']) {
    cpSync(item, join(root, item), { recursive: true });
  }
  // Link each package, not the folder, so Astro's cache (node_modules/.astro) stays inside the copy.
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync('node_modules')) {
    if (name !== '.astro') symlinkSync(resolve('node_modules', name), join(root, 'node_modules', name));
  }
  return root;
}

function sync(root: string) {
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  // Colours differ between a terminal and CI (where Astro colours field names): compare plain text.
  return { status: result.status, output: stripVTControlCharacters(result.stdout + result.stderr) };
}

describe('astro sync over a broken entry', () => {
  it('fails, naming the file and the field', () => {
    const root = copyProject();
    const file = join(root, 'content/frameworks/laravel/index.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^license: .*$/m, 'license: WTFPL-9'));
    const { status, output } = sync(root);
    expect(status, output).not.toBe(0);
    expect(output).toContain('content/frameworks/laravel/index.mdx');
    expect(output).toMatch(/license: /);
  }, 60_000);

  it('fails on a typo in a versus file name, naming the file and the unknown slug', () => {
    const root = copyProject();
    const dir = join(root, 'content/versus');
    cpSync(join(dir, 'django-vs-laravel.mdx'), join(dir, 'djnago-vs-express.mdx'));
    const { status, output } = sync(root);
    expect(status, output).not.toBe(0);
    expect(output).toContain('content/versus/djnago-vs-express.mdx: unknown framework "djnago"');
  }, 60_000);
});
