interface ImportMetaEnv {
  /** Static-hosting mode: the external URL the signup form posts to instead of /api/newsletter. */
  readonly PUBLIC_NEWSLETTER_ACTION?: string;
  /** The share cards' layout worker (src/pages/og/_svg.ts) as a path: set by astro.config.mjs, build side only. */
  readonly OG_SVG_WORKER: string;
}

declare namespace App {
  interface Locals {
    /**
     * Inlines an on-demand page's first-screen CSS (src/lib/critical-css.ts), built by the production server from the
     * site's stylesheets (scripts/server.mjs); absent in `astro dev`, which serves its styles another way.
     */
    inlineFirstScreen?: (page: string) => import('./lib/critical-css').FirstScreenPage;
  }
}
