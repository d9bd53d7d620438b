import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject as copyProjectTo } from '../../scripts/lib/scaling.mjs';

/**
 * The real content layer over a copy of the project with one broken entry: `astro sync` (which `check`
 * and `build` run first) must fail and name the file and the field.
 */
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function copyProject() {
  const root = copyProjectTo('.', 'guide-broken-');
  roots.push(root);
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

  it('fails on a "Pick … if" key that is not one of the pair, naming the file and the field', () => {
    const root = copyProject();
    const file = join(root, 'content/versus/django-vs-laravel.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}laravel:$/m, '  larvel:'));
    const { status, output } = sync(root);
    expect(status, output).not.toBe(0);
    expect(output).toContain('content/versus/django-vs-laravel.mdx: pick: unknown key "larvel", missing "laravel"');
  }, 60_000);

  it('fails when a pair of frameworks has no versus file, naming the file to write', () => {
    const root = copyProject();
    rmSync(join(root, 'content/versus/express-vs-django.mdx'));
    const { status, output } = sync(root);
    expect(status, output).not.toBe(0);
    expect(output).toContain('missing: content/versus/express-vs-django.mdx');
  }, 60_000);

  it('fails on a newsletter issue listing an article that does not exist, naming the file and the field', () => {
    const root = copyProject();
    mkdirSync(join(root, 'content/newsletter'));
    const items =
      '  - { collection: frameworks, id: django, change: new }\n  - { collection: trends, id: serverles, change: updated }';
    writeFileSync(
      join(root, 'content/newsletter/2026-48.md'),
      `---\nsentAt: 2026-11-29T09:00:00.000Z\nitems:\n${items}\n---\nIntro.\n`,
    );
    const { status, output } = sync(root);
    expect(status, output).not.toBe(0);
    expect(output).toContain('content/newsletter/2026-48.md');
    expect(output).toMatch(/items\.1\.id: unknown trend "serverles"/);
  }, 60_000);

  it('fails on a newsletter file not named after an ISO week, naming the file', () => {
    const root = copyProject();
    mkdirSync(join(root, 'content/newsletter'));
    writeFileSync(join(root, 'content/newsletter/2025-53.md'), 'Intro.\n');
    const { status, output } = sync(root);
    expect(status, output).not.toBe(0);
    expect(output).toContain('content/newsletter/2025-53.md: 2025 has weeks 1 to 52');
  }, 60_000);
});
