// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { lastModifiedByPath } from './src/lib/lastmod.ts';
import { siteUrl } from './src/site.ts';

const dates = lastModifiedByPath();

export default defineConfig({
  site: siteUrl(),
  trailingSlash: 'ignore',
  // Pages are prerendered (static); only routes that opt out with `prerender = false` run per request.
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  integrations: [
    mdx(),
    sitemap({
      filter: (page) => !page.includes('/404'),
      serialize: (item) => ({ ...item, lastmod: (dates.byPath.get(new URL(item.url).pathname) ?? dates.latest).toISOString() }),
    }),
  ],
  markdown: {
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
  vite: { plugins: [tailwindcss()] },
});
