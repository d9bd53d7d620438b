/** Every page of the built site, as URL paths, read from dist/client (so new pages are covered automatically). */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const CLIENT = 'dist/client';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

export function sitePaths(): string[] {
  return htmlFiles(CLIENT)
    .map(
      (f) =>
        '/' +
        relative(CLIENT, f)
          .replace(/index\.html$/, '')
          .replace(/\.html$/, '/'),
    )
    .filter((p) => p !== '/404/')
    .sort();
}

/** The route files under src/pages, as patterns for the paths they build: `[id]` stands for one path segment. */
function routePatterns(dir = 'src/pages'): { file: string; pattern: RegExp }[] {
  return (
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.astro'))
      .map((f) => {
        const route = '/' + f.replace(/\.astro$/, '').replace(/(^|\/)index$/, '') + '/';
        const source = route
          .replace(/\/+/g, '/')
          .replace(/\[[^\]/]+\]/g, '\u0000')
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        return { file: join(dir, f), pattern: new RegExp(`^${source.replaceAll('\u0000', '[^/]+')}$`) };
      })
      // A static route wins over a dynamic one that also matches.
      .sort((a, b) => Number(a.pattern.source.includes('[^/]+')) - Number(b.pattern.source.includes('[^/]+')))
  );
}

/** The first built page of each route file (one article for all of src/pages/frameworks/[id].astro, and so on). */
export function onePagePerRoute(paths: string[] = sitePaths()): string[] {
  const routes = routePatterns();
  const seen = new Map<string, string>();
  for (const path of paths) {
    const route = routes.find((r) => r.pattern.test(path));
    if (!route) throw new Error(`${path}: no route file in src/pages builds it`);
    if (!seen.has(route.file)) seen.set(route.file, path);
  }
  return [...seen.values()];
}
