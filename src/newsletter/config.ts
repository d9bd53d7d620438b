/**
 * Newsletter settings from the environment, read once at start-up. Invalid values stop the server with a
 * message naming the variable, rather than failing on the first signup.
 */
import { parseRateLimit, type RateLimitRule } from './rate-limit.ts';

export interface NewsletterConfig {
  /** NEWSLETTER_DB: the SQLite file (unused when databaseUrl is set). */
  dbPath: string;
  /** DATABASE_URL: a PostgreSQL connection URL; when set, subscribers live there instead of in SQLite. */
  databaseUrl: string | undefined;
  /** NEWSLETTER_OUTBOX: where .eml files go when there is no SMTP server. */
  outbox: string;
  /** SMTP_URL: e.g. smtps://user:pass@smtp.example.com. */
  smtpUrl: string | undefined;
  /** NEWSLETTER_FROM: the sender, e.g. "Guide <newsletter@example.com>". */
  from: string;
  /** NEWSLETTER_RATE_LIMIT: signups per client; null is off. */
  rateLimit: RateLimitRule | null;
  /**
   * NEWSLETTER_DELIVERY: 'server' (the default) sends queued emails from a thread of each server process;
   * 'separate' leaves that to `npm run newsletter -- deliver` running on its own.
   */
  delivery: 'server' | 'separate';
  /** NEWSLETTER_MAIL_LEASE_SECONDS: how long a sender's claim on an email lasts before another may send it. */
  mailLeaseMs: number;
}

export const DEFAULT_DB = 'data/newsletter.sqlite';
export const DEFAULT_OUTBOX = 'data/outbox';
export const DEFAULT_RATE_LIMIT: RateLimitRule = { limit: 10, windowMs: 10 * 60_000 };
export const DEFAULT_MAIL_LEASE_MS = 60_000;

/** How long a confirmation link works. */
export const CONFIRM_VALID_HOURS = 48;
/** A pending address gets at most one confirmation email per this period, however often it is submitted. */
export const REISSUE_AFTER_MS = 10 * 60_000;

type Env = Record<string, string | undefined>;

export function readConfig(env: Env, siteUrl: string): NewsletterConfig {
  const get = (name: string) => env[name]?.trim() || undefined;
  const smtpUrl = get('SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new Error('SMTP_URL must start with smtp:// or smtps://.');
  }
  const delivery = get('NEWSLETTER_DELIVERY') ?? 'server';
  if (delivery !== 'server' && delivery !== 'separate') {
    throw new Error(`NEWSLETTER_DELIVERY must be "server" or "separate"; got "${delivery}".`);
  }
  const lease = get('NEWSLETTER_MAIL_LEASE_SECONDS');
  if (lease !== undefined && !(/^\d+$/.test(lease) && Number(lease) >= 1)) {
    throw new Error(`NEWSLETTER_MAIL_LEASE_SECONDS must be a whole number of seconds, at least 1; got "${lease}".`);
  }
  const databaseUrl = get('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/./.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a PostgreSQL URL, e.g. postgres://user:password@db.example:5432/guide.');
  }
  return {
    dbPath: get('NEWSLETTER_DB') ?? DEFAULT_DB,
    databaseUrl,
    outbox: get('NEWSLETTER_OUTBOX') ?? DEFAULT_OUTBOX,
    smtpUrl,
    from: get('NEWSLETTER_FROM') ?? `newsletter@${new URL(siteUrl).hostname}`,
    rateLimit: parseRateLimit(get('NEWSLETTER_RATE_LIMIT'), DEFAULT_RATE_LIMIT),
    delivery,
    mailLeaseMs: lease === undefined ? DEFAULT_MAIL_LEASE_MS : Number(lease) * 1000,
  };
}

/** A database URL fit for a log line: the password replaced by `***`. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(a DATABASE_URL that is not a valid URL)';
  }
}
