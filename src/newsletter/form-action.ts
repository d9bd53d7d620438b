/** Where the signup form posts: this site's API, or in static-hosting mode an external provider's URL. */
import { href } from '../lib/paths.ts';

export const SIGNUP_PATH = '/api/newsletter';

/** `external` is PUBLIC_NEWSLETTER_ACTION, read at build time; a bad value fails the build, not a reader. */
export function formAction(external: string | undefined): { url: string; external: boolean } {
  const value = external?.trim();
  if (!value) return { url: href(SIGNUP_PATH), external: false };
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(`PUBLIC_NEWSLETTER_ACTION must be an absolute http(s) URL; got "${value}".`);
  }
  return { url: url.href, external: true };
}
