// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { entryOrdersIn } from './src/lib/entry-ids.ts';
import { reverseRedirects } from './src/lib/pairs.ts';
import { siteUrl } from './src/site.ts';

export default defineConfig({
  site: siteUrl(),
  trailingSlash: 'ignore',
  // /compare/laravel-vs-django/ → 301 → /compare/django-vs-laravel/. With the Node adapter these are real HTTP
  // redirects answered by the server (it turns off Astro's meta-refresh HTML files), so nothing extra is built.
  redirects: reverseRedirects(entryOrdersIn('./content/frameworks')),
  // Pages are prerendered (static); only routes that opt out with `prerender = false` run per request.
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  integrations: [mdx(), sitemap({ filter: (page) => !page.includes('/404') })],
  markdown: {
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
  vite: { plugins: [tailwindcss()] },
});
