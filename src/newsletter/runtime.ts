/**
 * The newsletter as the server runs it: settings from process.env, the store (openStore) and its rate limiter,
 * created once per process on first use. Routes get everything from here. Emails are not sent from here: signups
 * queue them, and the delivery loop (delivery.ts, started beside the server) sends them.
 */
import { site, SITE_URL_DEFAULT } from '../site.ts';
import { readConfig, type NewsletterConfig } from './config.ts';
import { openStore } from './open-store.ts';
import type { RateLimiter } from './rate-limit.ts';
import { createNewsletterService, type NewsletterService } from './service.ts';

export interface Newsletter {
  config: NewsletterConfig;
  service: NewsletterService;
  limiter: RateLimiter | null;
}

let instance: Promise<Newsletter> | undefined;

export function newsletter(): Promise<Newsletter> {
  // A failure (a bad setting, the database unreachable) is not kept: the next request tries again.
  instance ??= open().catch((error: unknown) => {
    instance = undefined;
    throw error;
  });
  return instance;
}

/** The configured `site` (SITE_URL at build time). */
export const configuredSite = (): string => import.meta.env.SITE ?? SITE_URL_DEFAULT;

async function open(): Promise<Newsletter> {
  const config = readConfig(process.env, configuredSite());
  const { store, location } = await openStore(config);
  const from = config.from.includes('<') ? config.from : `${site.name} <${config.from}>`;
  console.info(`[newsletter] subscribers in ${location}`);
  return {
    config,
    service: createNewsletterService({ store, sender: from }),
    limiter: config.rateLimit ? store.rateLimiter(config.rateLimit) : null,
  };
}
