/**
 * Where subscribers live. Routes and the CLI only see this interface, so a PostgreSQL implementation
 * (when DATABASE_URL is set) can sit beside the SQLite one without touching them. Every method is async for
 * that reason, even though node:sqlite answers synchronously.
 */
export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';

export interface SignupRecord {
  email: string;
  emailKey: string;
  source: string;
  /** The consent wording the reader agreed to, kept with the time they agreed. */
  consentText: string;
  /** SHA-256 of the confirmation token; the token itself is only ever in the email. */
  tokenHash: string;
  expiresAt: Date;
  /** Used only when the address is new; an existing subscriber keeps theirs, so old links keep working. */
  unsubscribeKey: string;
  now: Date;
  /** A pending address whose last confirmation was issued after this gets no new one (no mail bombing). */
  reissueBefore: Date;
  /** The confirmation email to queue in the same transaction, if one is due. */
  confirmation: QueuedMail;
}

/**
 * What the outbox keeps of a confirmation email until it has gone: enough to write it then. The token itself is
 * needed for the link, so it stays in the outbox row until the email is sent (then it is erased).
 */
export interface QueuedMail {
  token: string;
  /** The origin the email's links point to (see links.ts). */
  linkBase: string;
  /** The From header. */
  sender: string;
}

/** A confirmation email was queued for this subscriber. */
export interface ConfirmationDue {
  id: number;
  email: string;
  unsubscribeKey: string;
}

/** A confirmation email claimed from the outbox by one sender, for the length of its lease. */
export interface ClaimedConfirmation extends QueuedMail {
  /** The outbox row. */
  id: number;
  email: string;
  unsubscribeKey: string;
  /** Claims so far, this one included: it also identifies this claim when the outcome is recorded. */
  attempt: number;
  queuedAt: Date;
}

/** The outbox by state: waiting (new or to be retried), being sent now, sent, or given up. */
export interface OutboxCounts {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
}

export type ConfirmOutcome = 'confirmed' | 'expired' | 'invalid';

export interface StoreStats {
  pending: number;
  confirmed: number;
  unsubscribed: number;
  /** Pending subscribers whose confirmation link has expired: what `prune` removes. */
  expired: number;
}

export interface ExportRow {
  email: string;
  status: SubscriberStatus;
  createdAt: string;
  confirmedAt: string | null;
}

/** A confirmed subscriber an issue is still due to (no 'sent' delivery recorded for it yet). */
export interface DueRecipient {
  id: number;
  email: string;
  unsubscribeKey: string;
  /** A previous run claimed this delivery and never recorded the outcome (it died mid-send). */
  inDoubt: boolean;
  /** Attempts recorded so far, over every run. */
  attempts: number;
}

export type DeliveryOutcome = { messageId: string } | { error: string };

export interface DeliveryCounts {
  sent: number;
  failed: number;
  /** Claimed but never finished: the sender died between claiming and recording. */
  sending: number;
}

import type { RateLimiter, RateLimitRule } from './rate-limit.ts';

export interface SubscriberStore {
  /**
   * Records a signup (an upsert on the normalised address) and, when a confirmation is due, queues its email,
   * in one transaction: a signup is never stored without its email, nor an email queued without its signup.
   * Returns who the email was queued for, or null when none is due (already confirmed, or one was issued moments
   * ago). A newer confirmation replaces one still waiting in the outbox (the older link no longer works). The
   * caller answers the reader the same way in both cases, so nobody learns whether an address is subscribed.
   */
  recordSignup(record: SignupRecord): Promise<ConfirmationDue | null>;
  /**
   * Claims up to `limit` confirmations that are due at `now` (waiting, or claimed by a sender whose lease ran
   * out: it died mid-send) for `leaseMs`. No two senders, in this process or another, hold the same one at once.
   * Emails whose subscriber is no longer pending (confirmed by an earlier link, unsubscribed) are dropped.
   */
  claimConfirmations(now: Date, leaseMs: number, limit: number): Promise<ClaimedConfirmation[]>;
  /** The claimed email went: marks it sent and erases its token. */
  confirmationSent(claim: Pick<ClaimedConfirmation, 'id' | 'attempt'>, now: Date): Promise<void>;
  /**
   * The claimed email could not go: waits until `retryAt`, or with null gives up on it and lets the next signup
   * of that address send a new one at once.
   */
  confirmationFailed(
    claim: Pick<ClaimedConfirmation, 'id' | 'attempt'>,
    error: string,
    retryAt: Date | null,
    now: Date,
  ): Promise<void>;
  outboxCounts(): Promise<OutboxCounts>;
  /** A signup rate limiter counting where this store keeps its data (see rate-limit.ts). */
  rateLimiter(rule: RateLimitRule): RateLimiter;
  /** The pending signup a confirmation token belongs to, without changing anything (GET must be safe). */
  findPending(tokenHash: string, now: Date): Promise<{ email: string; expired: boolean } | null>;
  /** Confirms and spends the token: it cannot be used twice. */
  confirm(tokenHash: string, now: Date): Promise<ConfirmOutcome>;
  findByUnsubscribeKey(key: string): Promise<{ email: string; status: SubscriberStatus } | null>;
  /** Unsubscribes (idempotent); false when the key belongs to nobody. */
  unsubscribe(key: string, now: Date): Promise<boolean>;
  stats(now: Date): Promise<StoreStats>;
  exportRows(): Promise<ExportRow[]>;
  /** Deletes pending subscribers whose link expired; returns how many. */
  pruneExpired(now: Date): Promise<number>;
  /** Confirmed subscribers who have not been sent `issue` yet, in id order (a stable order across re-runs). */
  dueRecipients(issue: string): Promise<DueRecipient[]>;
  /** Records that a delivery is about to be attempted (one row per issue and subscriber; counts attempts). */
  beginDelivery(issue: string, subscriberId: number, now: Date): Promise<void>;
  /** Records the outcome of the attempt begun last: 'sent' with the message id, or 'failed' with the error. */
  finishDelivery(issue: string, subscriberId: number, outcome: DeliveryOutcome, now: Date): Promise<void>;
  deliveryCounts(issue: string): Promise<DeliveryCounts>;
  close(): Promise<void>;
}
