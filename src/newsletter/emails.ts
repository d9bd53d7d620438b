/** The emails the signup sends, as pure functions of their links: plain text first, a light HTML twin. */
import { escapeHtml } from '../lib/html.ts';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export function confirmationEmail(input: {
  siteName: string;
  confirmUrl: string;
  unsubscribeUrl: string;
  validHours: number;
}): EmailContent {
  const { siteName, confirmUrl, unsubscribeUrl, validHours } = input;
  const subject = `Confirm your subscription to the ${siteName} newsletter`;
  const text = [
    'Hello,',
    '',
    `Someone, hopefully you, asked to receive the weekly ${siteName} newsletter at this address.`,
    'To confirm, open this link and press "Confirm subscription":',
    '',
    confirmUrl,
    '',
    `The link works once and for ${validHours} hours. If you did not ask for this, ignore this email:`,
    'without confirmation you will not hear from us again.',
    '',
    `Unsubscribe: ${unsubscribeUrl}`,
    '',
  ].join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body>
<p>Hello,</p>
<p>Someone, hopefully you, asked to receive the weekly ${escapeHtml(siteName)} newsletter at this address.</p>
<p><a href="${escapeHtml(confirmUrl)}">Confirm your subscription</a></p>
<p>The link works once and for ${validHours} hours. If you did not ask for this, ignore this email: without confirmation you will not hear from us again.</p>
<p><a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe</a></p>
</body></html>
`;
  return { subject, text, html };
}
