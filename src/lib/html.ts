/**
 * Text made safe to put in HTML we write as strings (emails, feed content): in element content and in quoted
 * attribute values alike, so quotes are escaped too.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
