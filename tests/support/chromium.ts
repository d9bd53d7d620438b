import { existsSync } from 'node:fs';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The browser the tests drive: CHROMIUM_PATH, else Debian's Chromium. Never downloads one. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  const candidates = [env['CHROMIUM_PATH'], '/usr/bin/chromium'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found: run `apt-get install -y chromium` or set CHROMIUM_PATH to a Chrome/Chromium binary.',
    );
  }
  return found;
}
