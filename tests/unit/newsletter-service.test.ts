/** The service and the delivery loop together, on an in-memory store with a scripted mailer and clock. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverDue } from '../../src/newsletter/delivery';
import type { Mailer, OutgoingMail } from '../../src/newsletter/mailer';
import { createNewsletterService, type NewsletterService } from '../../src/newsletter/service';
import { SqliteSubscriberStore } from '../../src/newsletter/sqlite-store';
import { parseEmail } from '../../src/newsletter/validation';

const email = (raw: string) => {
  const parsed = parseEmail(raw);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
};
const tokenIn = (text: string, path: string) =>
  new RegExp(`${path}\\?token=([A-Za-z0-9_-]{43})`).exec(text)?.[1] ?? null;

let store: SqliteSubscriberStore;
let sent: OutgoingMail[];
let failure: (Error & { responseCode?: number }) | null;
let clock: Date;
let service: NewsletterService;
const logged: string[] = [];
const deliver = () =>
  deliverDue({ store, mailer, siteName: 'Guide', leaseMs: 60_000, now: () => clock, log: (m) => logged.push(m) });
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
const mailer: Mailer = {
  async send(mail) {
    if (failure) throw failure;
    sent.push(mail);
    return { messageId: mail.messageId! };
  },
  close: () => {},
};

beforeEach(() => {
  store = SqliteSubscriberStore.open(':memory:');
  sent = [];
  failure = null;
  clock = new Date('2026-11-24T12:00:00Z');
  service = createNewsletterService({ store, sender: 'Guide <news@guide.example>', now: () => clock });
});
afterEach(() => store.close());

describe('newsletter service and delivery', () => {
  it('queues one confirmation that the delivery loop sends, with confirm and unsubscribe links on the given origin', async () => {
    await service.subscribe(email('Reader@Example.com'), 'home', 'https://guide.example');
    expect(sent).toHaveLength(0);
    expect(await deliver()).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
    const [mail] = sent;
    expect(mail!.to).toBe('Reader@example.com');
    expect(mail!.from).toBe('Guide <news@guide.example>');
    expect(mail!.text).toContain('https://guide.example/newsletter/confirm/?token=');
    expect(mail!.unsubscribeUrl).toMatch(
      /^https:\/\/guide\.example\/newsletter\/unsubscribe\/\?token=[A-Za-z0-9_-]{43}$/,
    );
    expect(mail!.text).toContain(mail!.unsubscribeUrl);
    expect(mail!.messageId).toMatch(/^<confirmation-\d+@guide\.example>$/);
    expect(mail!.date).toEqual(clock);
    expect(await deliver()).toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0 });
  });

  it('answers a repeat signup the same way without mailing again', async () => {
    await service.subscribe(email('a@example.com'), '', 'https://guide.example');
    await expect(service.subscribe(email('A@example.com'), '', 'https://guide.example')).resolves.toBeUndefined();
    await deliver();
    expect(sent).toHaveLength(1);
  });

  it('confirms through the link, once', async () => {
    await service.subscribe(email('a@example.com'), '', 'https://guide.example');
    await deliver();
    const token = tokenIn(sent[0]!.text, '/newsletter/confirm/');
    expect(await service.checkConfirmation(token)).toEqual({ state: 'ready', email: 'a@example.com' });
    expect(await service.confirm(token)).toBe('confirmed');
    expect(await service.confirm(token)).toBe('invalid');
    expect(await service.checkConfirmation('not a token')).toEqual({ state: 'invalid' });
    expect((await service.stats()).confirmed).toBe(1);
  });

  it('lets the link expire after 48 hours', async () => {
    await service.subscribe(email('a@example.com'), '', 'https://guide.example');
    await deliver();
    const token = tokenIn(sent[0]!.text, '/newsletter/confirm/');
    later(48 * 3_600_000 + 1);
    expect(await service.checkConfirmation(token)).toEqual({ state: 'expired' });
    expect(await service.confirm(token)).toBe('expired');
  });

  it('unsubscribes by the key in the email, idempotently', async () => {
    await service.subscribe(email('a@example.com'), '', 'https://guide.example');
    await deliver();
    const key = tokenIn(sent[0]!.unsubscribeUrl, '/newsletter/unsubscribe/');
    expect(await service.checkUnsubscribe(key)).toEqual({ state: 'ready', email: 'a@example.com' });
    expect(await service.unsubscribe(key)).toEqual({ state: 'done', email: 'a@example.com' });
    expect(await service.unsubscribe(key)).toEqual({ state: 'done', email: 'a@example.com' });
    expect(await service.checkUnsubscribe(key)).toEqual({ state: 'done', email: 'a@example.com' });
    expect(await service.unsubscribe('x'.repeat(43))).toEqual({ state: 'invalid' });
  });

  it('keeps a signup made while the mail server is down and sends it once the server is back, with no retry by the reader', async () => {
    failure = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNECTION' });
    await service.subscribe(email('a@example.com'), '', 'https://guide.example');
    expect(await deliver()).toEqual({ claimed: 1, sent: 0, retrying: 1, failed: 0 });
    expect(logged.at(-1)).toMatch(/1 of 1 confirmation emails not sent \(connect ECONNREFUSED.*\): 1 will be retried/);
    // Not before its retry time (1 s after the first failure, then 2 s, 4 s …).
    expect(await deliver()).toMatchObject({ claimed: 0 });
    later(1000);
    expect(await deliver()).toMatchObject({ claimed: 1, retrying: 1 });
    failure = null;
    later(2000);
    expect(await deliver()).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
    expect(sent.map((m) => m.to)).toEqual(['a@example.com']);
  });

  it('gives up on an address the mail server refuses for good, and a new signup of it sends again at once', async () => {
    failure = Object.assign(new Error('550 no such user'), { responseCode: 550 });
    await service.subscribe(email('typo@example.com'), '', 'https://guide.example');
    expect(await deliver()).toEqual({ claimed: 1, sent: 0, retrying: 0, failed: 1 });
    failure = null;
    later(60_000);
    await service.subscribe(email('typo@example.com'), '', 'https://guide.example');
    expect(await deliver()).toMatchObject({ sent: 1 });
  });
});
