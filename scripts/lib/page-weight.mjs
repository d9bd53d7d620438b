/**
 * Page weight of a built site: for every HTML page in dist/client, the bytes of the page and of everything it
 * makes the browser fetch from this site on a first visit (stylesheets and what they import, module scripts and
 * their static imports, images, fonts), raw, gzip and brotli, plus the critical bytes: the HTML and the
 * render-blocking CSS (and blocking classic scripts, if any), gzip, against the 14 KB first round trip.
 * Pure file reads and node:zlib, so the figures are deterministic.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The first-round-trip budget, as the build's compression and the budget test count it. */
export { FIRST_ROUND_TRIP } from '../../src/integrations/precompress.ts';

export function listFiles(dir, ext) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, ext));
    else if (full.endsWith(ext)) out.push(full);
  }
  return out.sort();
}

/** Raw, gzip (level 9, as tests/build/budgets.test.ts) and brotli (quality 11, as a static pre-compressor would) bytes. */
export function compressedSizes(buf) {
  const raw = Buffer.isBuffer(buf) ? buf : Buffer.from(buf);
  return {
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }).length,
  };
}

const ZERO = Object.freeze({ raw: 0, gzip: 0, brotli: 0 });
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });

const IMAGE = /\.(?:png|jpe?g|gif|webp|avif|svg|ico)$/i;
const FONT = /\.(?:woff2?|ttf|otf|eot)$/i;

/** Attributes of one tag, lower-cased names; our own output, so quoted values. */
function attrs(tag) {
  return Object.fromEntries(
    [...tag.matchAll(/([a-zA-Z:-]+)(?:=(?:"([^"]*)"|'([^']*)'))?/g)]
      .slice(1)
      .map((m) => [m[1].toLowerCase(), m[2] ?? m[3] ?? '']),
  );
}

/** A URL this site serves (root-relative or relative to `base`), as a path; undefined for data:, other origins, fragments. */
export function sitePath(url, base = '/') {
  if (!url || /^(?:data|blob|javascript|mailto):/i.test(url) || url.startsWith('#')) return undefined;
  const resolved = new URL(url, new URL(base, 'http://site.invalid'));
  if (resolved.origin !== 'http://site.invalid') return undefined;
  return decodeURIComponent(resolved.pathname);
}

/** A stylesheet's media that applies to a screen when the page loads (so the browser blocks rendering on it). */
function blockingMedia(media) {
  if (media === undefined) return true;
  const m = media.trim().toLowerCase();
  return m === '' || m === 'all' || m === 'screen' || !/^(?:print|speech)\b/.test(m);
}

/**
 * What an HTML page asks for from this site: stylesheets (render-blocking or not), scripts (module or deferred,
 * or classic blocking ones), images (img src, preloads) and fonts (preloads). url() in CSS is handled by cssAssets.
 */
export function referencedAssets(html, pageUrl = '/') {
  const css = [];
  const blockingCss = [];
  const js = [];
  const blockingJs = [];
  const images = [];
  const fonts = [];
  // A stylesheet linked in the body blocks only what follows it: at the end of the body, nothing of the first screen.
  const headEnd = html.search(/<\/head\s*>/i);
  for (const { 0: tag, index } of html.matchAll(/<link\b[^>]*>/gi)) {
    const a = attrs(tag);
    const rels = (a['rel'] ?? '').toLowerCase().split(/\s+/);
    const path = sitePath(a['href'], pageUrl);
    if (!path) continue;
    if (rels.includes('stylesheet')) {
      css.push(path);
      const inHead = headEnd === -1 || index < headEnd;
      if (inHead && !('disabled' in a) && blockingMedia(a['media'])) blockingCss.push(path);
    } else if (rels.includes('preload') || rels.includes('modulepreload')) {
      if (a['as'] === 'font' || FONT.test(path)) fonts.push(path);
      else if (a['as'] === 'image') images.push(path);
      else if (a['as'] === 'style') css.push(path);
      else if (rels.includes('modulepreload') || a['as'] === 'script') js.push(path);
    }
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const a = attrs(tag);
    const path = sitePath(a['src'], pageUrl);
    if (!path) continue;
    js.push(path);
    const type = (a['type'] ?? '').toLowerCase();
    if (type !== 'module' && !('async' in a) && !('defer' in a)) blockingJs.push(path);
  }
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    const path = sitePath(attrs(tag)['src'], pageUrl);
    if (path) images.push(path);
  }
  const uniq = (list) => [...new Set(list)];
  return {
    css: uniq(css),
    blockingCss: uniq(blockingCss),
    js: uniq(js),
    blockingJs: uniq(blockingJs),
    images: uniq(images),
    fonts: uniq(fonts),
  };
}

/** url(…) and @import targets of a stylesheet, as site paths resolved against the stylesheet's own URL. */
export function cssReferences(cssText, cssUrl = '/') {
  const imports = [];
  const urls = [];
  for (const m of cssText.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?/g)) {
    const path = sitePath(m[1], cssUrl);
    if (path) imports.push(path);
  }
  for (const m of cssText.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
    const path = sitePath(m[1] ?? m[2] ?? m[3], cssUrl);
    if (path && !imports.includes(path)) urls.push(path);
  }
  return {
    imports: [...new Set(imports)],
    images: [...new Set(urls.filter((u) => IMAGE.test(u)))],
    fonts: [...new Set(urls.filter((u) => FONT.test(u)))],
  };
}

/**
 * A module script and every module it imports statically (Astro/Vite chunks), each once: what the browser fetches
 * before it runs the script. Same rule as tests/build/budgets.test.ts; dynamic import() is not followed.
 */
export function scriptClosure(url, read, seen = new Set()) {
  if (seen.has(url)) return seen;
  seen.add(url);
  const code = read(url).toString('utf8');
  for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
    const path = sitePath(m[1], url);
    if (path) scriptClosure(path, read, seen);
  }
  return seen;
}

/** The page URL of an HTML file under the client folder: `frameworks/django/index.html` → `/frameworks/django/`. */
export function pageUrl(relativeFile) {
  return (
    '/' +
    relativeFile
      .split('\\')
      .join('/')
      .replace(/(^|\/)index\.html$/, '$1')
  );
}

/**
 * Everything one page loads, by kind, with sizes. `read(path)` returns the bytes of a site path (throws if
 * missing); `sizeOf(path)` returns its compressedSizes (memoised by the caller so shared files compress once).
 */
export function weighPage(page, html, read, sizeOf) {
  const refs = referencedAssets(html, page);
  const css = new Set();
  const images = new Set(refs.images);
  const fonts = new Set(refs.fonts);
  const blockingCss = new Set();
  const walkCss = (path, blocking) => {
    if (css.has(path) && (!blocking || blockingCss.has(path))) return;
    css.add(path);
    if (blocking) blockingCss.add(path);
    const found = cssReferences(read(path).toString('utf8'), path);
    found.images.forEach((p) => images.add(p));
    found.fonts.forEach((p) => fonts.add(p));
    found.imports.forEach((p) => walkCss(p, blocking));
  };
  for (const path of refs.css) walkCss(path, refs.blockingCss.includes(path));
  // Inline <style> blocks are in the HTML bytes already; only what they point to is added.
  for (const [, style] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    const found = cssReferences(style, page);
    found.images.forEach((p) => images.add(p));
    found.fonts.forEach((p) => fonts.add(p));
    found.imports.forEach((p) => walkCss(p, true));
  }
  const js = new Set();
  for (const path of refs.js) scriptClosure(path, read, js);
  const sum = (paths) => [...paths].reduce((acc, p) => add(acc, sizeOf(p)), ZERO);
  const htmlSize = compressedSizes(html);
  const weights = { html: htmlSize, css: sum(css), js: sum(js), images: sum(images), fonts: sum(fonts) };
  const blocking = add(sum(blockingCss), sum(refs.blockingJs));
  return {
    page,
    ...weights,
    total: [weights.html, weights.css, weights.js, weights.images, weights.fonts].reduce(add, ZERO),
    /** HTML + render-blocking CSS (+ blocking classic scripts): what must arrive before the first paint. */
    critical: add(htmlSize, blocking),
    files: { css: [...css], js: [...js], images: [...images], fonts: [...fonts] },
  };
}

/** Every page of a built site (dist/client), sorted by path. */
export function pageWeights(clientDir = 'dist/client') {
  const cache = new Map();
  const read = (path) => {
    const file = join(clientDir, path);
    if (!existsSync(file)) throw new Error(`${path} is referenced but not in ${clientDir}`);
    return readFileSync(file);
  };
  const sizeOf = (path) => {
    if (!cache.has(path)) cache.set(path, compressedSizes(read(path)));
    return cache.get(path);
  };
  return listFiles(clientDir, '.html').map((file) =>
    weighPage(pageUrl(relative(clientDir, file)), readFileSync(file, 'utf8'), read, sizeOf),
  );
}
