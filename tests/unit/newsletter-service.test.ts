import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mailer, OutgoingMail } from '../../src/newsletter/mailer';
import { createNewsletterService, MailDeliveryError, type NewsletterService } from '../../src/newsletter/service';
import { SqliteSubscriberStore } from '../../src/newsletter/sqlite-store';
import { parseEmail } from '../../src/newsletter/validation';

const email = (raw: string) => {
  const parsed = parseEmail(raw);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
};
const tokenIn = (text: string, path: string) => new RegExp(`${path}\\?token=([A-Za-z0-9_-]{43})`).exec(text)?.[1] ?? null;

let store: SqliteSubscriberStore;
let sent: OutgoingMail[];
let failing: boolean;
let clock: Date;
let service: NewsletterService;

beforeEach(() => {
  store = SqliteSubscriberStore.open(':memory:');
  sent = [];
  failing = false;
  clock = new Date('2026-11-24T12:00:00Z');
  const mailer: Mailer = {
    async send(mail) {
      if (failing) throw new Error('SMTP down');
      sent.push(mail);
      return { messageId: String(sent.length) };
    },
  };
  service = createNewsletterService({ store, mailer, siteName: 'Guide', now: () => clock, log: () => {} });
});
afterEach(() => store.close());

describe('newsletter service', () => {
  it('sends one confirmation with confirm and unsubscribe links on the given origin', async () => {
    await service.subscribe(email('Reader@Example.com'), 'home', 'https://guide.example');
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail!.to).toBe('Reader@example.com');
    expect(mail!.text).toContain('https://guide.example/newsletter/confirm/?token=');
    expect(mail!.unsubscribeUrl).toMatch(/^https:\/\/guide\.example\/newsletter\/unsubscribe\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(mail!.text).toContain(mail!.unsubscribeUrl);
  });

  it('answers a repeat signup the same way without mailing again', async () => {
    await service.subscribe(email('a@example.com'), '', 'https://guide.example');
    await expect(service.subscribe(email('A@example.com'), '', 'https://guide.example')).resolves.toBeUndefined();
    expect(sent).toHaveLength(1);
  });

  it('confirms through the link, once', async () => {
    await service.subscribe(email('a@example.com'), '', 'https://guide.example');
    const token = tokenIn(sent[0]!.text, '/newsletter/confirm/');
    expect(await service.checkConfirmation(token)).toEqual({ state: 'ready', email: 'a@example.com' });
    expect(await service.confirm(token)).toBe('confirmed');
    expect(await service.confirm(token)).toBe('invalid');
    expect(await service.checkConfirmation('not a token')).toEqual({ state: 'invalid' });
    expect((await service.stats()).confirmed).toBe(1);
  });

  it('lets the link expire after 48 hours', async () => {
    await service.subscribe(email('a@example.com'), '', 'https://guide.example');
    const token = tokenIn(sent[0]!.text, '/newsletter/confirm/');
    clock = new Date(clock.getTime() + 48 * 3_600_000 + 1);
    expect(await service.checkConfirmation(token)).toEqual({ state: 'expired' });
    expect(await service.confirm(token)).toBe('expired');
  });

  it('unsubscribes by the key in the email, idempotently', async () => {
    await service.subscribe(email('a@example.com'), '', 'https://guide.example');
    const key = tokenIn(sent[0]!.unsubscribeUrl, '/newsletter/unsubscribe/');
    expect(await service.checkUnsubscribe(key)).toEqual({ state: 'ready', email: 'a@example.com' });
    expect(await service.unsubscribe(key)).toEqual({ state: 'done', email: 'a@example.com' });
    expect(await service.unsubscribe(key)).toEqual({ state: 'done', email: 'a@example.com' });
    expect(await service.checkUnsubscribe(key)).toEqual({ state: 'done', email: 'a@example.com' });
    expect(await service.unsubscribe('x'.repeat(43))).toEqual({ state: 'invalid' });
  });

  it('reports a failed send and sends at the next attempt', async () => {
    failing = true;
    await expect(service.subscribe(email('a@example.com'), '', 'https://guide.example')).rejects.toBeInstanceOf(MailDeliveryError);
    failing = false;
    await service.subscribe(email('a@example.com'), '', 'https://guide.example');
    expect(sent).toHaveLength(1);
  });
});
