/** sendIssue on an in-memory store with a scripted mailer: retries, the in-doubt case, and the deliveries table. */
import { describe, expect, it } from 'vitest';
import { digestMessageId, sendIssue } from '../../src/newsletter/digest-send';
import type { Mailer, OutgoingMail } from '../../src/newsletter/mailer';
import { SqliteSubscriberStore } from '../../src/newsletter/sqlite-store';

async function storeWith(emails: string[]) {
  const store = SqliteSubscriberStore.open(':memory:');
  const now = new Date();
  for (const [i, email] of emails.entries()) {
    await store.recordSignup({
      email,
      emailKey: email,
      source: 't',
      consentText: 'c',
      tokenHash: `h${i}`,
      expiresAt: new Date(now.getTime() + 60_000),
      unsubscribeKey: `key-${i}`,
      now,
      reissueBefore: now,
      confirmation: { token: `t${i}`, linkBase: 'https://g.example', sender: 's@g.example' },
    });
    await store.confirm(`h${i}`, now);
  }
  return store;
}

const content = { subject: 'S', text: 'Unsubscribe: {{unsubscribe_url}}', html: '<a href="{{unsubscribe_url}}">u</a>' };
const base = {
  issue: '2026-W48',
  content,
  unsubscribeUrl: (k: string) => `https://g.example/u?token=${k}`,
  messageIdDomain: 'g.example',
  backoffMs: () => 0,
};

describe('sendIssue', () => {
  it('retries a failing address a bounded number of times, then reports it, and sends everyone else once', async () => {
    const store = await storeWith(['a@x.example', 'flaky@x.example', 'dead@x.example']);
    const sent: OutgoingMail[] = [];
    let flaky = 0;
    const mailer: Mailer = {
      async send(mail) {
        if (mail.to === 'dead@x.example') throw new Error('550 no such user');
        if (mail.to === 'flaky@x.example' && flaky++ === 0) throw new Error('421 try later');
        sent.push(mail);
        return { messageId: mail.messageId! };
      },
      close: () => {},
    };
    const summary = await sendIssue({ ...base, store, mailer, attempts: 3 });
    expect(summary).toMatchObject({
      due: 3,
      sent: 2,
      failed: [{ email: 'dead@x.example', attempts: 3, error: '550 no such user' }],
    });
    expect(sent.map((m) => [m.to, m.text, m.messageId])).toEqual([
      ['a@x.example', 'Unsubscribe: https://g.example/u?token=key-0', '<digest-2026-W48-1@g.example>'],
      ['flaky@x.example', 'Unsubscribe: https://g.example/u?token=key-1', '<digest-2026-W48-2@g.example>'],
    ]);
    expect(await store.deliveryCounts('2026-W48')).toEqual({ sent: 2, failed: 1, sending: 0 });
    // A second run only tries the failed address; a dry run touches nothing.
    expect(await sendIssue({ ...base, store, mailer, dryRun: true })).toMatchObject({
      due: 1,
      sent: 0,
      alreadySent: 2,
    });
    expect((await store.dueRecipients('2026-W48')).map((r) => [r.email, r.attempts])).toEqual([['dead@x.example', 3]]);
    await store.close();
  });

  it('sends a delivery left in doubt by a crash again, with the same Message-ID, and counts it', async () => {
    const store = await storeWith(['a@x.example', 'b@x.example']);
    await store.beginDelivery('2026-W48', 1, new Date()); // the crashed run claimed it and died
    const ids: string[] = [];
    const mailer: Mailer = {
      send: async (m) => (ids.push(m.messageId!), { messageId: m.messageId! }),
      close: () => {},
    };
    const summary = await sendIssue({ ...base, store, mailer });
    expect(summary).toMatchObject({ due: 2, sent: 2, resentInDoubt: 1 });
    expect(ids).toEqual([digestMessageId('2026-W48', 1, 'g.example'), digestMessageId('2026-W48', 2, 'g.example')]);
    expect(await sendIssue({ ...base, store, mailer })).toMatchObject({ due: 0, sent: 0, alreadySent: 2 });
    await store.close();
  });

  it('skips subscribers who are not confirmed', async () => {
    const store = await storeWith(['a@x.example']);
    await store.unsubscribe('key-0', new Date());
    expect(await store.dueRecipients('2026-W48')).toEqual([]);
    await store.close();
  });
});
