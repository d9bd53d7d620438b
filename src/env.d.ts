declare namespace App {
  interface Locals {
    /** Set by POST /api/newsletter when a plain form post fails, for the page that shows the form again. */
    newsletterSignup?: {
      status: number;
      message: string;
      field?: 'email' | 'source';
      email: string;
    };
  }
}

interface ImportMetaEnv {
  /** Static-hosting mode: the external URL the signup form posts to instead of /api/newsletter. */
  readonly PUBLIC_NEWSLETTER_ACTION?: string;
}
