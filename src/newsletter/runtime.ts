/**
 * The newsletter as the server runs it: settings from process.env, the store (openStore), the mailer and the rate
 * limiter, created once per process on first use. Routes get everything from here.
 */
import { site, SITE_URL_DEFAULT } from '../site.ts';
import { readConfig, type NewsletterConfig } from './config.ts';
import { createMailer } from './mailer.ts';
import { openStore } from './open-store.ts';
import { RateLimiter } from './rate-limit.ts';
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
  const mailer = createMailer({ from, smtpUrl: config.smtpUrl, outbox: config.outbox });
  console.info(`[newsletter] subscribers in ${location}; mail ${config.smtpUrl ? 'over SMTP' : `to ${config.outbox}`}`);
  return {
    config,
    service: createNewsletterService({ store, mailer, siteName: site.name }),
    limiter: config.rateLimit ? new RateLimiter(config.rateLimit) : null,
  };
}
