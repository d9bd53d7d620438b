// @ts-check
import { defineConfig } from 'astro/config';
import { satteri, satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { criticalCss } from './src/integrations/critical-css.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { precompress } from './src/integrations/precompress.ts';
import { releaseDataCheck } from './src/integrations/release-data.ts';
import { tightenCspIntegration } from './src/integrations/tighten-csp.ts';
import { isAstroDirectiveWarning } from './src/lib/build-warnings.ts';
import { headingAnchors } from './src/lib/heading-anchors.ts';
import { scriptHash } from './src/lib/csp.ts';
import { AFTER_FIRST_FRAME_LOADER } from './src/lib/after-first-frame.ts';
import { entryOrdersIn } from './src/content-files/entries.ts';
import { lastModifiedByPath } from './src/content-files/lastmod.ts';
import { reverseRedirects } from './src/lib/versus/pairs.ts';
import { siteUrl } from './src/site.ts';

const dates = lastModifiedByPath();
const redirects = reverseRedirects(entryOrdersIn('./content/frameworks'));
/** The inline scripts (the theme, set before first paint; what loads after the first frame) are allowed by hash. */
const inlineScriptHashes = [
  scriptHash(readFileSync('./src/scripts/theme-init.js', 'utf8')),
  scriptHash(AFTER_FIRST_FRAME_LOADER),
];
/** Brotli and gzip copies of every text file: the pages' while the search index is built, then the rest. */
const compressedCopies = precompress();

/** `_astro/<component or module name>.<hash>.js` @param {{ name: string }} chunk */
const scriptFileName = ({ name }) => `_astro/${name.replace(/\.astro_astro_type_script.*$/, '')}.[hash].js`;

export default defineConfig({
  site: siteUrl(),
  trailingSlash: 'ignore',
  // /compare/laravel-vs-django/ → 301 → /compare/django-vs-laravel/. With the Node adapter these are real HTTP
  // redirects answered by the server (it turns off Astro's meta-refresh HTML files), so nothing extra is built.
  redirects,
  // Astro's log, without a misleading "file not created" line for each of those redirects (see the file).
  logger: { entrypoint: './src/integrations/build-log.js', config: { redirects: Object.keys(redirects) } },
  // Pages are prerendered (static); only routes that opt out with `prerender = false` run per request.
  output: 'static',
  // A Content-Security-Policy per page: Astro hashes every script and style it emits (no 'unsafe-inline').
  // Astro's origin check would refuse RFC 8058 one-click unsubscribes (server-to-server POSTs without an
  // Origin header); src/middleware.ts applies the same check to every other on-demand route instead.
  security: { csp: { scriptDirective: { hashes: inlineScriptHashes } }, checkOrigin: false },
  // Middleware mode: scripts/server.mjs serves the files in dist/client itself (with their Brotli/gzip copies) and
  // hands Astro only what is not a file (on-demand routes, the redirects, the 404 page).
  adapter: node({ mode: 'middleware' }),
  // Two pages at a time per core: a share image waits on its worker thread (src/pages/og/_render.ts) while the
  // next ones are handed to the others, so the images render on every core.
  build: { concurrency: 2 * availableParallelism() },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  integrations: [
    releaseDataCheck(),
    mdx(),
    sitemap({
      // The newsletter's landing page and its archive belong in the sitemap, not its steps (inbox, confirm, unsubscribe…)
      // nor the signup's own route (a page only so that it can show a plain form its error).
      filter: (page) =>
        !page.includes('/404') && !/^\/api\/|\/newsletter\/(?!archive\/).+/.test(new URL(page).pathname),
      serialize: (item) => ({
        ...item,
        lastmod: (dates.byPath.get(new URL(item.url).pathname) ?? dates.latest).toISOString(),
      }),
    }),
    criticalCss(),
    tightenCspIntegration(),
    compressedCopies.pages,
    pagefind(),
    compressedCopies.rest,
  ],
  // Code is highlighted by <CodeSample> into classes; Astro's own highlighter would add inline styles the CSP blocks.
  // Headings get their ids, then a link to themselves (src/lib/heading-anchors.ts), in Markdown and MDX alike.
  markdown: {
    syntaxHighlight: false,
    processor: satteri({ hastPlugins: [satteriHeadingIdsPlugin(), headingAnchors] }),
  },
  // Scripts as files, not inline: cached across pages, deferred (not in the critical bytes), CSP-simple. Every
  // bundler warning is shown but one about Astro's own code (see src/lib/build-warnings.ts).
  vite: {
    plugins: [tailwindcss()],
    // Worker threads load their module by path, and the bundled build no longer sits beside the source.
    define: {
      'import.meta.env.OG_SVG_WORKER': JSON.stringify(
        fileURLToPath(new URL('./src/pages/og/_svg.ts', import.meta.url)),
      ),
    },
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: { onwarn: (warning, warn) => isAstroDirectiveWarning(warning) || warn(warning) },
    },
    // Script files named after their component, without the ".astro_astro_type_script_index_0_lang" Astro adds:
    // every page names its scripts, and those bytes count in its first round trip.
    environments: {
      client: {
        build: { rolldownOptions: { output: { entryFileNames: scriptFileName, chunkFileNames: scriptFileName } } },
      },
    },
  },
});
