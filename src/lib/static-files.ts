/**
 * Serving the built site's precompressed files: which file a URL names, which encoding a client accepts, and
 * what type to call it. Pure, so the rules are unit-tested; scripts/server.mjs does the I/O.
 */
import { extname, posix } from 'node:path';

export type Encoding = 'br' | 'gzip';

/** The suffix of the copy the build writes beside a file for each encoding. */
export const COPY_SUFFIX: Readonly<Record<Encoding, string>> = { br: '.br', gzip: '.gz' };

/** Text types worth compressing, by extension (images and fonts are compressed already). */
export const COMPRESSIBLE_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Smaller files gain less than the bytes of the Content-Encoding header and the client's work to undo it. */
export const COMPRESS_MIN_BYTES = 1024;

export const contentTypeFor = (file: string): string | undefined => COMPRESSIBLE_TYPES[extname(file).toLowerCase()];

/**
 * The file under the site's root a URL path names, or null when it names none directly ("/x" without a
 * trailing slash or extension is left to Astro, which knows its routes). Never escapes the root.
 */
export function siteFileFor(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return null;
  const normal = posix.normalize(decoded);
  if (normal !== decoded || normal.split('/').includes('..')) return null;
  const file = normal.endsWith('/') ? `${normal}index.html` : normal;
  return contentTypeFor(file) ? file.slice(1) : null;
}

/** The best encoding the client accepts among those available: br before gzip, and q=0 means "not this one". */
export function pickEncoding(acceptEncoding: string | undefined, available: readonly Encoding[]): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (e: Encoding) => accepted.get(e) ?? (accepted.has('*') ? accepted.get('*')! : 0);
  const best = (['br', 'gzip'] as const).filter((e) => available.includes(e) && weight(e) > 0).sort((a, b) => weight(b) - weight(a));
  return best[0] ?? null;
}
