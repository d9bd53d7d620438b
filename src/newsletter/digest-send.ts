/**
 * Sending one digest issue to every confirmed subscriber, resumably. Each delivery is claimed in the store
 * ('sending') before the mail goes out and recorded ('sent' or 'failed') right after, under the unique key
 * (issue, subscriber). A re-run skips everyone marked 'sent', so after a crash only the remaining messages go.
 *
 * The one window no database can close: the SMTP server accepted a message and the process died before the
 * 'sent' row was written. Such a delivery stays 'sending' ("in doubt"); a re-run sends it again with the same
 * Message-ID (one per issue and subscriber), so the copy can be recognised as a duplicate, and counts it.
 */
import { personalise } from './digest.ts';
import type { EmailContent } from './emails.ts';
import type { Mailer } from './mailer.ts';
import type { SubscriberStore } from './store.ts';

export interface SendOptions {
  store: SubscriberStore;
  mailer: Mailer;
  issue: string;
  content: EmailContent;
  unsubscribeUrl: (key: string) => string;
  /** The domain in the Message-ID. */
  messageIdDomain: string;
  dryRun?: boolean;
  /** Attempts per address in this run (at least 1). */
  attempts?: number;
  /** Wait before retry n (1-based). */
  backoffMs?: (retry: number) => number;
  onProgress?: ((done: number, total: number) => void) | undefined;
  now?: () => Date;
}

export interface SendSummary {
  issue: string;
  /** Confirmed subscribers the issue was due to when the run began. */
  due: number;
  sent: number;
  /** Deliveries left 'sending' by a crashed run, sent again now. */
  resentInDoubt: number;
  failed: { email: string; attempts: number; error: string }[];
  /** Already sent by an earlier run and skipped. */
  alreadySent: number;
  dryRun: boolean;
}

export const digestMessageId = (issue: string, subscriberId: number, domain: string) =>
  `<digest-${issue}-${subscriberId}@${domain}>`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function sendIssue(options: SendOptions): Promise<SendSummary> {
  const { store, mailer, issue, content, dryRun = false, onProgress, now = () => new Date() } = options;
  const attempts = Math.max(1, options.attempts ?? 3);
  const backoff = options.backoffMs ?? ((n: number) => 500 * 2 ** (n - 1));
  const due = await store.dueRecipients(issue);
  const summary: SendSummary = {
    issue,
    due: due.length,
    sent: 0,
    resentInDoubt: 0,
    failed: [],
    alreadySent: (await store.deliveryCounts(issue)).sent,
    dryRun,
  };
  if (dryRun) {
    onProgress?.(due.length, due.length);
    return summary;
  }
  let done = 0;
  onProgress?.(0, due.length);
  for (const recipient of due) {
    const mail = personalise(content, options.unsubscribeUrl(recipient.unsubscribeKey));
    const messageId = digestMessageId(issue, recipient.id, options.messageIdDomain);
    let lastError = '';
    let ok = false;
    for (let attempt = 1; attempt <= attempts && !ok; attempt++) {
      if (attempt > 1) await sleep(backoff(attempt - 1));
      await store.beginDelivery(issue, recipient.id, now());
      try {
        await mailer.send({
          ...mail,
          to: recipient.email,
          unsubscribeUrl: options.unsubscribeUrl(recipient.unsubscribeKey),
          messageId,
        });
        await store.finishDelivery(issue, recipient.id, { messageId }, now());
        ok = true;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        await store.finishDelivery(issue, recipient.id, { error: lastError }, now());
      }
    }
    if (ok) {
      summary.sent++;
      if (recipient.inDoubt) summary.resentInDoubt++;
    } else {
      summary.failed.push({ email: recipient.email, attempts, error: lastError });
    }
    done++;
    onProgress?.(done, due.length);
  }
  return summary;
}
