interface ImportMetaEnv {
  /** Static-hosting mode: the external URL the signup form posts to instead of /api/newsletter. */
  readonly PUBLIC_NEWSLETTER_ACTION?: string;
  /** The share images' worker module (src/pages/og/_draw.ts) as a path: set by astro.config.mjs, build side only. */
  readonly OG_DRAW_WORKER: string;
}
