/**
 * The text a reader sees on a built page, read from our own HTML (one element per tag, double-quoted attributes):
 * text nodes only (no attributes), without scripts, styles, SVG, and without code (<pre>, <code>), whose quotes are
 * syntax, not typography. Entities are decoded.
 */
export function readerText(html: string): string[] {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|svg|pre|code|template)\b[^>]*>[\s\S]*?<\/\1>/g, '\n');
  return [...body.matchAll(/>([^<]+)</g)]
    .map((m) => decodeEntities(m[1]!).replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 0);
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}
