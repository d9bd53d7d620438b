/**
 * Sending the confirmation emails that signups queued in the outbox (the transactional outbox pattern): a signup
 * commits its subscriber and its email together and is answered at once; this loop claims what is due, sends
 * it, and records the outcome. Whatever happens to the process, a queued email is sent: a failed send waits and
 * goes again (1 s, 2 s, 4 s … at most 10 minutes apart) while its link still works, and an email whose sender died
 * mid-send is claimed again once that sender's lease runs out. Several loops, in one process or many, share one
 * store safely: a claim belongs to one of them at a time.
 *
 * The one duplicate no store can rule out is a message the mail server accepted just before its sender died: it
 * goes again with the same Message-ID (and, in the .eml outbox, replaces its own file).
 */
import { CONFIRM_VALID_HOURS } from './config.ts';
import { confirmationEmail } from './emails.ts';
import { confirmUrl, unsubscribeUrl } from './links.ts';
import type { Mailer, OutgoingMail } from './mailer.ts';
import type { ClaimedConfirmation, SubscriberStore } from './store.ts';

/** Emails claimed per round: one round's sends run together (a pooled SMTP transport spreads them over its connections). */
export const BATCH_SIZE = 50;
const MAX_RETRY_DELAY_MS = 10 * 60_000;

/** An SMTP 5xx answer: the server refused this message for good (an unknown mailbox, a policy). */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** When to try a failed email again, or null to give up: refused for good, or its link would expire first. */
export function nextAttemptAt(
  claim: Pick<ClaimedConfirmation, 'attempt' | 'queuedAt'>,
  error: unknown,
  now: Date,
): Date | null {
  if (isPermanentFailure(error)) return null;
  const at = new Date(now.getTime() + Math.min(1000 * 2 ** (claim.attempt - 1), MAX_RETRY_DELAY_MS));
  return at.getTime() < claim.queuedAt.getTime() + CONFIRM_VALID_HOURS * 3_600_000 ? at : null;
}

/** One Message-ID per queued email, on the site's host: a copy sent again is recognisably the same message. */
export const confirmationMessageId = (outboxId: number, linkBase: string): string =>
  `<confirmation-${outboxId}@${new URL(linkBase).hostname}>`;

/** The email a claim stands for, written now from what the outbox kept. */
export function confirmationMail(claim: ClaimedConfirmation, siteName: string): OutgoingMail {
  const links = {
    confirmUrl: confirmUrl(claim.linkBase, claim.token),
    unsubscribeUrl: unsubscribeUrl(claim.linkBase, claim.unsubscribeKey),
  };
  return {
    ...confirmationEmail({ siteName, ...links, validHours: CONFIRM_VALID_HOURS }),
    from: claim.sender,
    to: claim.email,
    unsubscribeUrl: links.unsubscribeUrl,
    messageId: confirmationMessageId(claim.id, claim.linkBase),
    date: claim.queuedAt,
  };
}

export interface DeliveryDeps {
  store: SubscriberStore;
  mailer: Mailer;
  siteName: string;
  /** How long a claim is this sender's; it must outlast one send (the mailer's SMTP timeouts). */
  leaseMs: number;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface DeliveryRound {
  claimed: number;
  sent: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  /** Failed for good. */
  failed: number;
}

/** One round: claims what is due now and sends it. */
export async function deliverDue({
  store,
  mailer,
  siteName,
  leaseMs,
  now = () => new Date(),
  log = console.error,
}: DeliveryDeps): Promise<DeliveryRound> {
  const claims = await store.claimConfirmations(now(), leaseMs, BATCH_SIZE);
  const round: DeliveryRound = { claimed: claims.length, sent: 0, retrying: 0, failed: 0 };
  let firstError = '';
  await Promise.all(
    claims.map(async (claim) => {
      try {
        await mailer.send(confirmationMail(claim, siteName));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        firstError ||= message;
        const retryAt = nextAttemptAt(claim, error, now());
        await store.confirmationFailed(claim, message, retryAt, now());
        if (retryAt) round.retrying++;
        else round.failed++;
        return;
      }
      await store.confirmationSent(claim, now());
      round.sent++;
    }),
  );
  // One line per round, not per email: an outage would otherwise print a line for every reader waiting.
  if (round.retrying || round.failed) {
    log(
      `[newsletter] ${round.retrying + round.failed} of ${round.claimed} confirmation emails not sent (${firstError}): ${round.retrying} will be retried, ${round.failed} given up`,
    );
  }
  return round;
}

export interface DeliveryLoop {
  /** Finishes the round in progress, then stops. */
  stop(): Promise<void>;
}

/** Rounds until stopped: straight on while there is work, every `pollMs` when idle, backing off while the store is down. */
export function startDeliveryLoop(deps: DeliveryDeps & { pollMs?: number }): DeliveryLoop {
  const { pollMs = 250, log = console.error } = deps;
  let stopping = false;
  let wake = () => {};
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const running = (async () => {
    let storeFailures = 0;
    while (!stopping) {
      try {
        const round = await deliverDue(deps);
        storeFailures = 0;
        if (round.claimed > 0) continue;
      } catch (error) {
        storeFailures++;
        log(
          `[newsletter] delivery round failed: ${error instanceof Error ? error.message : String(error)}; trying again`,
        );
      }
      if (!stopping) await sleep(storeFailures ? Math.min(pollMs * 2 ** storeFailures, 30_000) : pollMs);
    }
  })();
  return {
    async stop() {
      stopping = true;
      wake();
      await running;
    },
  };
}
