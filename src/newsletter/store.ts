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
}

/** A confirmation email is due to this subscriber. */
export interface ConfirmationDue {
  id: number;
  email: string;
  unsubscribeKey: string;
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

export interface SubscriberStore {
  /**
   * Records a signup in one atomic upsert on the normalised address. Returns who should get a confirmation
   * email now, or null when none is due (already confirmed, or one was issued moments ago). The caller answers
   * the reader the same way in both cases, so nobody learns whether an address is subscribed.
   */
  recordSignup(record: SignupRecord): Promise<ConfirmationDue | null>;
  /** Sending failed: forget that a confirmation was issued, so trying again sends one straight away. */
  releaseConfirmation(id: number, tokenHash: string): Promise<void>;
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
