/**
 * The folder for the browser tests' newsletter database and outbox: a fresh one per run under .tmp/. The
 * Playwright runner creates it and puts it in the environment; its workers inherit that and reuse it, so the
 * tests read the outbox the server writes to.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const VAR = 'NEWSLETTER_E2E_DIR';

export function e2eNewsletterDir(env: Record<string, string | undefined> = process.env): string {
  const existing = env[VAR];
  if (existing) return existing;
  const tmp = resolve('.tmp');
  mkdirSync(tmp, { recursive: true });
  // Earlier runs' folders go first, so .tmp/ does not fill up.
  for (const name of readdirSync(tmp))
    if (name.startsWith('e2e-newsletter-')) rmSync(join(tmp, name), { recursive: true, force: true });
  const dir = mkdtempSync(join(tmp, 'e2e-newsletter-'));
  env[VAR] = dir;
  return dir;
}
