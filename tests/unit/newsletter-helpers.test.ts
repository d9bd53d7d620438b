import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSite } from '../../src/server/same-origin';
import { csvField, toCsv } from '../../src/newsletter/csv';
import { confirmationEmail } from '../../src/newsletter/emails';
import { formAction } from '../../src/newsletter/form-action';
import { confirmUrl, linkOrigin } from '../../src/newsletter/links';
import { readConfig, redactDatabaseUrl } from '../../src/newsletter/config';

const DEFAULT = 'http://localhost:4321';

describe('linkOrigin', () => {
  it.each([
    ['https://guide.example', 'https://evil.example/api/newsletter', 'https://guide.example'],
    ['https://guide.example/', 'http://127.0.0.1:9000/api/newsletter', 'https://guide.example'],
    [DEFAULT, 'http://127.0.0.1:9000/api/newsletter', 'http://127.0.0.1:9000'],
    [DEFAULT, 'http://localhost:5000/api/newsletter', 'http://localhost:5000'],
    [DEFAULT, 'http://evil.example/api/newsletter', DEFAULT],
  ])('site %s, request %s → %s', (site, request, expected) => {
    expect(linkOrigin(site, new URL(request), DEFAULT)).toBe(expected);
  });

  it('builds links with the token as a query parameter', () => {
    expect(confirmUrl('https://guide.example', 'abc_-')).toBe('https://guide.example/newsletter/confirm/?token=abc_-');
  });
});

describe('isForbiddenCrossSite', () => {
  const allowed = ['http://127.0.0.1:4321', 'https://guide.example'];
  it.each([
    ['GET', 'application/x-www-form-urlencoded', null, false],
    ['POST', 'application/x-www-form-urlencoded', 'http://127.0.0.1:4321', false],
    ['POST', 'application/x-www-form-urlencoded', 'https://guide.example', false],
    ['POST', 'application/x-www-form-urlencoded', 'https://evil.example', true],
    ['POST', 'multipart/form-data; boundary=x', null, true],
    ['POST', 'text/plain', 'null', true],
    ['POST', 'application/json', null, false],
    ['POST', null, null, true],
    ['DELETE', null, 'https://guide.example', false],
  ])('%s %s from %s → %s', (method, contentType, origin, forbidden) => {
    expect(isForbiddenCrossSite({ method, contentType, origin, allowed })).toBe(forbidden);
  });
});

describe('confirmationEmail', () => {
  it('carries both links in text and HTML, escaped in HTML', () => {
    const mail = confirmationEmail({
      siteName: 'A & B',
      confirmUrl: 'https://x.example/c?token=1&a=2',
      unsubscribeUrl: 'https://x.example/u?token=2',
      validHours: 48,
    });
    expect(mail.subject).toBe('Confirm your subscription to the A & B newsletter');
    expect(mail.text).toContain('https://x.example/c?token=1&a=2');
    expect(mail.text).toContain('Unsubscribe: https://x.example/u?token=2');
    expect(mail.html).toContain('href="https://x.example/c?token=1&amp;a=2"');
    expect(mail.html).toContain('A &amp; B');
  });
});

describe('CSV export', () => {
  it.each([
    ['a@example.com', 'a@example.com'],
    ['=cmd@example.com', "'=cmd@example.com"],
    ['-x@example.com', "'-x@example.com"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
  ])('%s → %s', (value, field) => expect(csvField(value)).toBe(field));

  it('has the documented columns', () => {
    const csv = toCsv([
      { email: 'a@example.com', status: 'pending', createdAt: '2026-11-24T12:00:00.000Z', confirmedAt: null },
    ]);
    expect(csv).toBe('email,status,created,confirmed\r\na@example.com,pending,2026-11-24T12:00:00.000Z,\r\n');
  });
});

describe('formAction', () => {
  it('posts to the site API unless a provider URL is set at build time', () => {
    expect(formAction(undefined)).toEqual({ url: '/api/newsletter/', external: false });
    expect(formAction('  ')).toEqual({ url: '/api/newsletter/', external: false });
    expect(formAction('https://buttondown.example/api/emails/embed-subscribe/guide')).toEqual({
      url: 'https://buttondown.example/api/emails/embed-subscribe/guide',
      external: true,
    });
  });

  it.each(['/relative', 'javascript:alert(1)', 'not a url'])('refuses %j', (value) => {
    expect(() => formAction(value)).toThrow(/PUBLIC_NEWSLETTER_ACTION/);
  });
});

describe('readConfig', () => {
  it('has working defaults', () => {
    expect(readConfig({}, 'https://guide.example')).toEqual({
      dbPath: 'data/newsletter.sqlite',
      databaseUrl: undefined,
      outbox: 'data/outbox',
      smtpUrl: undefined,
      from: 'newsletter@guide.example',
      rateLimit: { limit: 10, windowMs: 600_000 },
      delivery: 'server',
      mailLeaseMs: 60_000,
    });
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example' }, /SMTP_URL/],
    [{ NEWSLETTER_DELIVERY: 'cron' }, /NEWSLETTER_DELIVERY/],
    [{ NEWSLETTER_MAIL_LEASE_SECONDS: '0' }, /NEWSLETTER_MAIL_LEASE_SECONDS/],
    [{ NEWSLETTER_MAIL_LEASE_SECONDS: '1.5' }, /NEWSLETTER_MAIL_LEASE_SECONDS/],
    [{ NEWSLETTER_RATE_LIMIT: 'lots' }, /NEWSLETTER_RATE_LIMIT/],
    [{ DATABASE_URL: 'mysql://db.example/guide' }, /DATABASE_URL/],
    [{ DATABASE_URL: 'data/newsletter.sqlite' }, /DATABASE_URL/],
  ])('names the variable when %j is wrong', (env, message) => {
    expect(() => readConfig(env, 'https://guide.example')).toThrow(message);
  });

  it('takes a PostgreSQL URL in either spelling', () => {
    for (const url of ['postgres://guide@db.example/guide', 'postgresql://guide@db.example:5433/guide']) {
      expect(readConfig({ DATABASE_URL: ` ${url} ` }, 'https://guide.example').databaseUrl).toBe(url);
    }
  });
});

describe('redactDatabaseUrl', () => {
  it('hides the password and keeps what says where the data is', () => {
    expect(redactDatabaseUrl('postgres://guide:s3cret@db.example:5432/guide?sslmode=require')).toBe(
      'postgres://guide:***@db.example:5432/guide?sslmode=require',
    );
    expect(redactDatabaseUrl('postgres://guide@db.example/guide')).toBe('postgres://guide@db.example/guide');
  });
});
