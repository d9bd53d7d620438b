/**
 * The weekly digest: the framework and trend articles published or updated in one ISO week, with an optional
 * editor's intro (`content/newsletter/<yyyy>-<ww>.md`), as an HTML email (inline styles, table layout, a
 * dark-mode colour scheme) and its plain-text twin. Composing is pure; `readDigestSources` reads the files.
 *
 * The unsubscribe link differs per recipient: the composed issue carries UNSUBSCRIBE_PLACEHOLDER, and
 * `personalise` puts each recipient's own link in its place.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEntryCollection } from '../content-files/entries.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { escapeHtml } from '../lib/html.ts';
import { issueFileName, NEWSLETTER_CONTENT_DIR, type IsoWeek } from '../lib/iso-week.ts';
import { articlePath } from '../lib/paths.ts';
import type { EmailContent } from './emails.ts';

export interface DigestEntry {
  kind: 'frameworks' | 'trends';
  id: string;
  title: string;
  summary: string;
  publishedAt: Date;
  updatedAt: Date;
}

export interface DigestItem extends DigestEntry {
  /** New this week, or an update of an older article. */
  change: 'new' | 'updated';
  url: string;
}

const within = (d: Date, week: IsoWeek) => d >= week.start && d < week.end;

/** The entries published or updated during `week`, new ones first, each group newest first, with absolute links. */
export function selectItems(entries: readonly DigestEntry[], week: IsoWeek, siteUrl: string): DigestItem[] {
  const base = siteUrl.replace(/\/+$/, '');
  return entries
    .filter((e) => within(e.publishedAt, week) || within(e.updatedAt, week))
    .map((e): DigestItem => ({
      ...e,
      change: within(e.publishedAt, week) ? 'new' : 'updated',
      url: `${base}${articlePath(e.kind, e.id)}`,
    }))
    .sort((a, b) =>
      a.change === b.change
        ? b.updatedAt.getTime() - a.updatedAt.getTime() || a.title.localeCompare(b.title)
        : a.change === 'new'
          ? -1
          : 1,
    );
}

export const UNSUBSCRIBE_PLACEHOLDER = '{{unsubscribe_url}}';

export interface DigestInput {
  week: IsoWeek;
  siteName: string;
  siteUrl: string;
  items: readonly DigestItem[];
  /** The editor's intro in plain paragraphs (blank lines between them); optional. */
  intro?: string | undefined;
  /** The issue's page in the web archive (published after sending, once the recorded file is built). */
  webUrl?: string | undefined;
}

/** The intro's paragraphs (blank lines between them), each on one line: the email and the archive page agree. */
export const introParagraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

export const KIND_LABEL = { frameworks: 'Framework', trends: 'Trend' } as const;

/** The issue, with UNSUBSCRIBE_PLACEHOLDER where each recipient's link goes. */
export function composeDigest({ week, siteName, siteUrl, items, intro, webUrl }: DigestInput): EmailContent {
  const base = siteUrl.replace(/\/+$/, '');
  const subject = `${siteName} weekly, ${week.id}: ${items.length === 0 ? 'no new articles' : `${items.length} new or updated article${items.length === 1 ? '' : 's'}`}`;
  const introParas = intro ? introParagraphs(intro) : [];

  const text = [
    `${siteName}: the week ${week.id}`,
    ...(webUrl ? [`Read this issue on the web: ${webUrl}`] : []),
    '',
    ...introParas.flatMap((p) => [p, '']),
    ...(items.length === 0
      ? ['Nothing new or updated this week.', '']
      : items.flatMap((i) => [
          `${i.change === 'new' ? 'New' : 'Updated'} ${KIND_LABEL[i.kind].toLowerCase()}: ${i.title}`,
          i.summary,
          i.url,
          '',
        ])),
    '--',
    `You get this because you subscribed to the ${siteName} newsletter at ${base}/.`,
    `Unsubscribe: ${UNSUBSCRIBE_PLACEHOLDER}`,
    '',
  ].join('\n');

  // Inline styles and a table layout, as mail clients want; `color-scheme` and the media query let clients that
  // support it switch to dark colours, and those that invert colours themselves still get readable contrast.
  const e = escapeHtml;
  const itemRows = items
    .map(
      (i) => `<tr><td class="card" style="padding:16px 0;border-bottom:1px solid #e2e8f0;">
<p style="margin:0 0 4px;font-size:12px;letter-spacing:.05em;text-transform:uppercase;color:#475569;" class="muted">${i.change === 'new' ? 'New' : 'Updated'} · ${KIND_LABEL[i.kind]}</p>
<p style="margin:0 0 6px;font-size:18px;font-weight:bold;"><a href="${e(i.url)}" style="color:#1d4ed8;text-decoration:underline;" class="link">${e(i.title)}</a></p>
<p style="margin:0;font-size:15px;line-height:1.5;color:#0f172a;" class="fg">${e(i.summary)}</p>
</td></tr>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">
<title>${e(subject)}</title>
<style>
@media (prefers-color-scheme: dark) {
  .bg { background:#0b1120 !important; }
  .fg { color:#e2e8f0 !important; }
  .muted { color:#94a3b8 !important; }
  .link { color:#93c5fd !important; }
  .card { border-color:#334155 !important; }
}
</style></head>
<body class="bg" style="margin:0;padding:0;background:#ffffff;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" class="bg" style="background:#ffffff;">
<tr><td align="center" style="padding:24px 16px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;font-family:Arial,Helvetica,sans-serif;">
<tr><td style="padding:0 0 16px;"><p style="margin:0;font-size:14px;color:#475569;" class="muted"><a href="${e(base)}/" style="color:#475569;" class="muted">${e(siteName)}</a> · ${e(week.id)}</p>
<h1 style="margin:8px 0 0;font-size:24px;color:#0f172a;" class="fg">This week in the guide</h1>${
    webUrl
      ? `\n<p style="margin:8px 0 0;font-size:13px;color:#475569;" class="muted"><a href="${e(webUrl)}" style="color:#475569;text-decoration:underline;" class="muted">Read this issue on the web</a></p>`
      : ''
  }</td></tr>
${introParas.map((p) => `<tr><td style="padding:0 0 12px;"><p style="margin:0;font-size:16px;line-height:1.6;color:#0f172a;" class="fg">${e(p)}</p></td></tr>`).join('\n')}
${items.length === 0 ? '<tr><td style="padding:16px 0;"><p style="margin:0;font-size:15px;color:#0f172a;" class="fg">Nothing new or updated this week.</p></td></tr>' : itemRows}
<tr><td style="padding:24px 0 0;"><p style="margin:0;font-size:13px;line-height:1.5;color:#475569;" class="muted">You get this because you subscribed to the ${e(siteName)} newsletter.
<a href="${UNSUBSCRIBE_PLACEHOLDER}" style="color:#475569;text-decoration:underline;" class="muted">Unsubscribe</a></p></td></tr>
</table>
</td></tr>
</table>
</body></html>
`;
  return { subject, text, html };
}

/** One recipient's copy: their own unsubscribe link in place of the placeholder (escaped for the HTML). */
export function personalise(content: EmailContent, unsubscribeUrl: string): EmailContent {
  return {
    subject: content.subject,
    text: content.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, unsubscribeUrl),
    html: content.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, escapeHtml(unsubscribeUrl)),
  };
}

const asDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

/** One article as the digest sees it, from its frontmatter (read from disk by the CLI, or by the content layer). */
export function toDigestEntry(kind: DigestEntry['kind'], id: string, data: Record<string, unknown>): DigestEntry {
  return kind === 'frameworks'
    ? {
        kind,
        id,
        title: String(data['name']),
        summary: String(data['tagline'] ?? data['description']),
        publishedAt: asDate(data['publishedAt']),
        updatedAt: asDate(data['updatedAt']),
      }
    : {
        kind,
        id,
        title: String(data['title']),
        summary: String(data['summary']),
        publishedAt: asDate(data['publishedAt']),
        updatedAt: asDate(data['updatedAt']),
      };
}

/** The frameworks and trends entries and the week's intro, read from `root`'s content folder (the CLI runs outside Astro). */
export function readDigestSources(root: string, week: IsoWeek): { entries: DigestEntry[]; intro: string | undefined } {
  const entries: DigestEntry[] = (['frameworks', 'trends'] as const).flatMap((kind) =>
    readEntryCollection(join(root, 'content', kind)).map((f) => toDigestEntry(kind, f.id, f.data)),
  );
  const introFile = join(root, NEWSLETTER_CONTENT_DIR, issueFileName(week));
  const intro = existsSync(introFile) ? splitFrontmatter(readFileSync(introFile, 'utf8')).body : undefined;
  return { entries, intro };
}
