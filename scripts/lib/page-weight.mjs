/**
 * Page weight of a built site: for every HTML page in dist/client, the bytes of the page and of the
 * CSS and JS it references, raw and gzip. Pure file reads, so figures are deterministic.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export function listFiles(dir, ext) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, ext));
    else if (full.endsWith(ext)) out.push(full);
  }
  return out.sort();
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** Assets a page references by root-relative URL: stylesheets and module scripts. */
export function referencedAssets(html) {
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="(\/[^"]+)"/g)].map((m) => m[1]);
  const js = [...html.matchAll(/<script[^>]+src="(\/[^"]+)"/g)].map((m) => m[1]);
  return { css, js };
}

export function pageWeights(clientDir = 'dist/client') {
  return listFiles(clientDir, '.html').map((file) => {
    const html = readFileSync(file);
    const { css, js } = referencedAssets(html.toString('utf8'));
    const sum = (urls) =>
      urls.reduce(
        (acc, url) => {
          const buf = readFileSync(join(clientDir, url));
          return { raw: acc.raw + buf.length, gzip: acc.gzip + gz(buf) };
        },
        { raw: 0, gzip: 0 },
      );
    return {
      page: '/' + relative(clientDir, file).replace(/index\.html$/, ''),
      html: { raw: html.length, gzip: gz(html) },
      css: sum(css),
      js: sum(js),
    };
  });
}
