/**
 * Writes a Brotli (quality 10) and a gzip (level 9) copy beside every text file of the built site, so the server
 * sends a small encoding without compressing per request. Quality 10, not 11: on an article it is 3% larger
 * (10.7 vs 10.4 KB) but 2.6 times faster (27 vs 68 ms), and this runs for every page of every build. A page whose
 * copy at 10 would not arrive with its headers in the first round trip, but is not far over, is compressed again at
 * 11: for it, those 3% decide whether the reader waits for a second one.
 * Pages are compressed once their CSP is trimmed, while Pagefind indexes them; the rest once Pagefind has written
 * its files. Copies are kept across builds by a hash of the file (`node_modules/.cache/precompress`), so a page that
 * did not change is not compressed again.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import pLimit from 'p-limit';
import { contentKey } from '../lib/content-key.ts';

/** Text files worth compressing, by extension (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt', '.webmanifest']);
export const isCompressible = (file: string): boolean => COMPRESSIBLE.has(extname(file).toLowerCase());

/** Brotli quality of the copies (see the top of this file for why not 11)… */
export const BROTLI_QUALITY = 10;
/** …and of a page's copy that would not fit the first round trip at BROTLI_QUALITY, but might at this one. */
export const BROTLI_QUALITY_TO_FIT = 11;

/** What arrives in the first round trip: TCP's initial window is 10 segments, about 14.6 KB (RFC 6928)… */
export const INITIAL_WINDOW = 10 * 1460;
/** …headers included: room for the status line and headers (the real server's take about 560 B; a test holds them to it). */
export const RESPONSE_HEAD_ROOM = 600;
/** The budget for a page's Brotli copy (tests/build/budgets.test.ts): 14 KB. */
export const FIRST_ROUND_TRIP = 14 * 1024;

/**
 * Whether a page's copy of `size` bytes at BROTLI_QUALITY is worth making again at BROTLI_QUALITY_TO_FIT: only when,
 * with its headers, it would not fit the initial window, and is over the budget by less than the 3–4% that quality 11
 * saves. A page further over cannot fit anyway, and for a large one (a list of 2,000 articles) 11 would only cost time.
 */
export const worthRecompressing = (size: number): boolean =>
  size + RESPONSE_HEAD_ROOM > INITIAL_WINDOW && size <= FIRST_ROUND_TRIP * 1.05;

/** Smaller files gain less than the bytes of the Content-Encoding header and the client's work to undo it. */
export const COMPRESS_MIN_BYTES = 1024;

/** The copy written beside a file for each encoding: the names @fastify/static's `preCompressed` looks for. */
export const COPY_SUFFIX = { br: '.br', gzip: '.gz' } as const;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Where compressed copies are kept between builds (`PRECOMPRESS_CACHE_DIR` moves it). */
const CACHE_DIR = process.env['PRECOMPRESS_CACHE_DIR'] ?? 'node_modules/.cache/precompress';

/** The Brotli copy of `raw`, at the quality that fits it in the first round trip if it is a page and one can. */
async function brotliCopy(raw: Buffer, isPage: boolean): Promise<Buffer> {
  const at = (quality: number) =>
    brotli(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
  const br = await at(BROTLI_QUALITY);
  if (!isPage || !worthRecompressing(br.length)) return br;
  const smaller = await at(BROTLI_QUALITY_TO_FIT);
  return smaller.length < br.length ? smaller : br;
}

/** Both copies of `raw`: from the cache when this content was compressed before, else compressed and kept. */
async function compressedCopies(
  raw: Buffer,
  isPage: boolean,
): Promise<{ br: Buffer; gz: Buffer; key: string; cached: boolean }> {
  // The settings are part of the key, so copies made under other ones are not reused.
  const key = contentKey([
    `br ${BROTLI_QUALITY}/${BROTLI_QUALITY_TO_FIT} from ${INITIAL_WINDOW - RESPONSE_HEAD_ROOM} to ${FIRST_ROUND_TRIP} + 5%, gzip 9`,
    isPage ? 'page' : '',
    raw,
  ]);
  const cached = join(CACHE_DIR, key);
  try {
    return {
      br: readFileSync(cached + COPY_SUFFIX.br),
      gz: readFileSync(cached + COPY_SUFFIX.gzip),
      key,
      cached: true,
    };
  } catch {
    const [br, gz] = await Promise.all([brotliCopy(raw, isPage), gzipAsync(raw, { level: 9 })]);
    // Written under temporary names and renamed: an interrupted build leaves no half copy under a real name. The cache
    // only saves time, so a copy it cannot keep (a full disk, another checkout pruning it) does not fail the build.
    await Promise.all(
      [
        [COPY_SUFFIX.br, br],
        [COPY_SUFFIX.gzip, gz],
      ].map(async ([suffix, data]) => {
        const part = `${cached}${suffix}.${process.pid}.part`;
        await writeFile(part, data as Buffer)
          .then(() => rename(part, cached + suffix))
          .catch(() => rm(part, { force: true }).catch(() => undefined));
      }),
    );
    return { br, gz, key, cached: false };
  }
}

/** What one run of the compression left: every copy made or reused, and the sizes for the log line. */
interface Tally {
  files: number;
  before: number;
  after: number;
  reused: number;
  used: Set<string>;
}

/** Writes both copies beside each of `files` (relative to `root`), a few at a time, adding to `tally`. */
async function compressFiles(root: string, files: string[], tally: Tally): Promise<void> {
  // A few files at a time (zlib works on 4 threads): all at once held every page and every Brotli encoder's
  // tables in memory together, 2.9 GB at 2,000 pages.
  const limit = pLimit(2 * availableParallelism());
  await Promise.all(
    files.map((f) =>
      limit(async () => {
        const path = join(root, f);
        const raw = readFileSync(path);
        const { br, gz, key, cached } = await compressedCopies(raw, f.endsWith('.html'));
        tally.used.add(key);
        tally.files++;
        if (cached) tally.reused++;
        tally.before += raw.length;
        tally.after += br.length;
        await Promise.all([writeFile(path + COPY_SUFFIX.br, br), writeFile(path + COPY_SUFFIX.gzip, gz)]);
      }),
    ),
  );
}

/** The files of the built site to compress, relative to `root`. */
const compressibleFiles = (root: string) =>
  readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (f) => isCompressible(f) && statSync(join(root, f)).size >= COMPRESS_MIN_BYTES,
  );

/**
 * Two integrations around the search index, whose indexer keeps about one core busy: `pages` starts compressing the
 * HTML pages (final once their CSP is trimmed) while the index is built, and `rest` waits for them, then compresses
 * what is left (the index's own files among them). At 2,000 pages the two overlap for about 10 s.
 */
export function precompress(): { pages: AstroIntegration; rest: AstroIntegration } {
  const tally: Tally = { files: 0, before: 0, after: 0, reused: 0, used: new Set() };
  const done = new Set<string>();
  let pages: Promise<void> | undefined;
  return {
    pages: {
      name: 'precompress:pages',
      hooks: {
        'astro:build:done': ({ dir }) => {
          const root = fileURLToPath(dir);
          mkdirSync(CACHE_DIR, { recursive: true });
          const html = compressibleFiles(root).filter((f) => f.endsWith('.html'));
          for (const f of html) done.add(f);
          pages = compressFiles(root, html, tally);
          // Awaited by `rest`; until then a failure must not count as unhandled.
          pages.catch(() => undefined);
        },
      },
    },
    rest: {
      name: 'precompress',
      hooks: {
        'astro:build:done': async ({ dir, logger }) => {
          const root = fileURLToPath(dir);
          await pages;
          mkdirSync(CACHE_DIR, { recursive: true });
          await compressFiles(
            root,
            compressibleFiles(root).filter((f) => !done.has(f)),
            tally,
          );
          // Copies of content this build no longer has go, so the cache holds one build's worth.
          for (const name of readdirSync(CACHE_DIR))
            if (!name.endsWith('.part') && !tally.used.has(name.slice(0, 32)))
              rmSync(join(CACHE_DIR, name), { force: true });
          logger.info(
            `${tally.files} files precompressed (${tally.reused} unchanged, from the cache): ${(tally.before / 1024).toFixed(0)} KB → ${(tally.after / 1024).toFixed(0)} KB with Brotli`,
          );
        },
      },
    },
  };
}
