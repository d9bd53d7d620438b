interface ImportMetaEnv {
  /** Static-hosting mode: the external URL the signup form posts to instead of /api/newsletter. */
  readonly PUBLIC_NEWSLETTER_ACTION?: string;
}
