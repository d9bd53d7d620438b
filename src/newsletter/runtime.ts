/**
 * The newsletter as the server runs it: settings from process.env, the SQLite store, the mailer and the rate
 * limiter, created once per process on first use. Routes get everything from here.
 */
import { site, SITE_URL_DEFAULT } from '../site.ts';
import { readConfig, type NewsletterConfig } from './config.ts';
import { createMailer } from './mailer.ts';
import { RateLimiter } from './rate-limit.ts';
import { createNewsletterService, type NewsletterService } from './service.ts';
import { newToken, signStamp } from './tokens.ts';

export interface Newsletter {
  config: NewsletterConfig;
  service: NewsletterService;
  limiter: RateLimiter | null;
  secret: string;
  /** A freshly signed timestamp for a form being handed out. */
  stamp(): string;
}

let instance: Promise<Newsletter> | undefined;

export function newsletter(): Promise<Newsletter> {
  instance ??= open();
  return instance;
}

/** The configured `site` (SITE_URL at build time). */
export const configuredSite = (): string => import.meta.env.SITE ?? SITE_URL_DEFAULT;

async function open(): Promise<Newsletter> {
  const config = readConfig(process.env, configuredSite());
  // Loaded lazily so that on a Node without node:sqlite only the newsletter fails, with a message saying why.
  const { SqliteSubscriberStore } = await import('./sqlite-store.ts').catch((cause: unknown) => {
    throw new Error('The newsletter store needs Node 22.5 or later (node:sqlite): start the server with `npm run serve`.', { cause });
  });
  const store = SqliteSubscriberStore.open(config.dbPath);
  const from = config.from.includes('<') ? config.from : `${site.name} <${config.from}>`;
  const mailer = createMailer({ from, smtpUrl: config.smtpUrl, outbox: config.outbox });
  console.info(`[newsletter] subscribers in ${config.dbPath}; mail ${config.smtpUrl ? 'over SMTP' : `to ${config.outbox}`}`);
  const secret = config.secret ?? newToken();
  return {
    config,
    service: createNewsletterService({ store, mailer, siteName: site.name }),
    limiter: config.rateLimit ? new RateLimiter(config.rateLimit) : null,
    secret,
    stamp: () => signStamp(secret, Date.now()),
  };
}
