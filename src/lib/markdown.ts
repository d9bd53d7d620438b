/**
 * Markdown strings from data entries (FAQ answers) rendered to HTML at build time, and the same text as
 * plain text for JSON-LD, so the visible answer and the structured data can never say different things.
 */
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, async: false });

/** Trusted content (our own YAML), rendered to HTML. Raw HTML in the source is escaped, not passed through. */
export function markdownToHtml(source: string): string {
  const escaped = source.replace(/</g, '&lt;');
  return marked.parse(escaped) as string;
}

/** The rendered text without tags, with entities decoded and whitespace collapsed. */
export function markdownToText(source: string): string {
  return markdownToHtml(source)
    .replace(/<\/?(p|li|ul|ol|h[1-6]|br|pre|blockquote|div|table|tr|td|th)\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
