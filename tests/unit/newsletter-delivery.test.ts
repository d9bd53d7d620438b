/** The delivery loop's rules: when to retry, when to give up, how an outbox file is named, and what a crash leaves. */
import { describe, expect, it } from 'vitest';
import { confirmationMessageId, isPermanentFailure, nextAttemptAt } from '../../src/newsletter/delivery';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emlFileName, removeStalePartials } from '../../src/newsletter/mailer';

const queuedAt = new Date('2026-11-24T12:00:00Z');
const at = (ms: number) => new Date(queuedAt.getTime() + ms);
const down = new Error('connect ECONNREFUSED');

describe('nextAttemptAt', () => {
  it('doubles the wait from 1 s, up to 10 minutes', () => {
    const waits = [1, 2, 3, 4, 10, 11, 30].map(
      (attempt) => nextAttemptAt({ attempt, queuedAt }, down, queuedAt)!.getTime() - queuedAt.getTime(),
    );
    expect(waits).toEqual([1000, 2000, 4000, 8000, 512_000, 600_000, 600_000]);
  });

  it('gives up when the link would have expired by the next attempt (48 hours after queueing)', () => {
    expect(nextAttemptAt({ attempt: 30, queuedAt }, down, at(47 * 3_600_000))).not.toBeNull();
    expect(nextAttemptAt({ attempt: 30, queuedAt }, down, at(48 * 3_600_000 - 60_000))).toBeNull();
  });

  it('gives up at once on a permanent SMTP refusal (5xx), and retries a temporary one (4xx)', () => {
    expect(
      nextAttemptAt({ attempt: 1, queuedAt }, Object.assign(new Error('550'), { responseCode: 550 }), queuedAt),
    ).toBeNull();
    expect(
      nextAttemptAt({ attempt: 1, queuedAt }, Object.assign(new Error('421'), { responseCode: 421 }), queuedAt),
    ).toEqual(at(1000));
    expect([null, undefined, 'x', { responseCode: '550' }].map(isPermanentFailure)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('outbox naming', () => {
  it('names a message with a Message-ID and a date the same every time, so a resend replaces its own file', () => {
    const mail = { messageId: confirmationMessageId(42, 'https://guide.example'), date: queuedAt };
    expect(mail.messageId).toBe('<confirmation-42@guide.example>');
    expect(emlFileName(mail, at(5000))).toBe('20261124T120000000Z-confirmation-42.eml');
    expect(emlFileName(mail, at(9000))).toBe(emlFileName(mail, at(5000)));
  });

  it('names any other message by the time it is written and a random suffix', () => {
    const a = emlFileName({}, queuedAt);
    expect(a).toMatch(/^20261124T120000000Z-[0-9a-f]{12}\.eml$/);
    expect(emlFileName({}, queuedAt)).not.toBe(a);
  });
});

describe('removeStalePartials', () => {
  it('deletes half-written outbox files older than the lease, and leaves complete and fresh ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    try {
      for (const name of ['old.eml.part', 'fresh.eml.part', 'done.eml']) writeFileSync(join(dir, name), 'x');
      const hourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(join(dir, 'old.eml.part'), hourAgo, hourAgo);
      expect(await removeStalePartials(dir, 60_000)).toBe(1);
      expect(readdirSync(dir).sort()).toEqual(['done.eml', 'fresh.eml.part']);
      expect(await removeStalePartials(join(dir, 'missing'), 60_000)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
