// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { siteUrl } from './src/site.ts';

export default defineConfig({
  site: siteUrl(),
  trailingSlash: 'ignore',
  // Pages are prerendered (static); only routes that opt out with `prerender = false` run per request.
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  // Only the newsletter's landing page belongs in the sitemap, not its steps (inbox, confirm, unsubscribe…).
  integrations: [mdx(), sitemap({ filter: (page) => !page.includes('/404') && !/\/newsletter\/.+/.test(new URL(page).pathname) })],
  // Astro's origin check would refuse RFC 8058 one-click unsubscribes (server-to-server POSTs without an
  // Origin header); src/middleware.ts applies the same check to every other on-demand route instead.
  security: { checkOrigin: false },
  markdown: {
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
  vite: { plugins: [tailwindcss()] },
});
