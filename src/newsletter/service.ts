/**
 * The newsletter's use cases, tying validation, tokens and the store together. Routes call this and never see
 * SQL; the confirmation email is queued with the signup and sent by the delivery loop (delivery.ts), so no
 * request waits on a mail server. The clock is injected so expiry can be tested.
 */
import { CONFIRM_VALID_HOURS, REISSUE_AFTER_MS } from './config.ts';
import { CONSENT_TEXT } from './consent.ts';
import type { ConfirmOutcome, StoreStats, SubscriberStatus, SubscriberStore } from './store.ts';
import { hashToken, isWellFormedToken, newToken } from './tokens.ts';
import type { Email } from './validation.ts';

export interface ServiceDeps {
  store: SubscriberStore;
  /** The From header of confirmation emails. */
  sender: string;
  now?: () => Date;
}

export type ConfirmationState = { state: 'ready'; email: string } | { state: 'expired' } | { state: 'invalid' };
export type UnsubscribeState = { state: 'ready' | 'done'; email: string } | { state: 'invalid' };

export interface NewsletterService {
  /**
   * Stores the signup and queues its confirmation email (when one is due) in one transaction. Resolves the same
   * way for a new, pending or confirmed address, so the answer reveals nothing.
   */
  subscribe(email: Email, source: string, linkBase: string): Promise<void>;
  checkConfirmation(token: string | null): Promise<ConfirmationState>;
  confirm(token: string | null): Promise<ConfirmOutcome>;
  checkUnsubscribe(key: string | null): Promise<UnsubscribeState>;
  unsubscribe(key: string | null): Promise<UnsubscribeState>;
  stats(): Promise<StoreStats>;
}

export function createNewsletterService({ store, sender, now = () => new Date() }: ServiceDeps): NewsletterService {
  const status = (s: SubscriberStatus) => (s === 'unsubscribed' ? 'done' : 'ready');
  return {
    async subscribe(email, source, linkBase) {
      const at = now();
      const token = newToken();
      await store.recordSignup({
        email: email.address,
        emailKey: email.key,
        source,
        consentText: CONSENT_TEXT,
        tokenHash: hashToken(token),
        expiresAt: new Date(at.getTime() + CONFIRM_VALID_HOURS * 3_600_000),
        unsubscribeKey: newToken(),
        now: at,
        reissueBefore: new Date(at.getTime() - REISSUE_AFTER_MS),
        confirmation: { token, linkBase, sender },
      });
    },

    async checkConfirmation(token) {
      if (!isWellFormedToken(token)) return { state: 'invalid' };
      const pending = await store.findPending(hashToken(token), now());
      if (!pending) return { state: 'invalid' };
      return pending.expired ? { state: 'expired' } : { state: 'ready', email: pending.email };
    },

    async confirm(token) {
      if (!isWellFormedToken(token)) return 'invalid';
      return store.confirm(hashToken(token), now());
    },

    async checkUnsubscribe(key) {
      if (!isWellFormedToken(key)) return { state: 'invalid' };
      const found = await store.findByUnsubscribeKey(key);
      return found ? { state: status(found.status), email: found.email } : { state: 'invalid' };
    },

    async unsubscribe(key) {
      if (!isWellFormedToken(key)) return { state: 'invalid' };
      const found = await store.findByUnsubscribeKey(key);
      if (!found) return { state: 'invalid' };
      await store.unsubscribe(key, now());
      return { state: 'done', email: found.email };
    },

    stats: () => store.stats(now()),
  };
}
