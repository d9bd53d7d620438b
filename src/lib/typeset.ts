/**
 * Curly apostrophes and quotation marks (’ ‘ “ ”) for text written with straight ones, as Astro's smartypants does
 * for Markdown bodies: applied to the strings of content entries when they are loaded (src/content.config.ts), so
 * YAML and frontmatter read like the articles. Code spans (`…`) are left as written, so a Markdown answer's code
 * keeps its quotes, and so do release tags (`<Release of="django" />`, see src/lib/release-tags.ts); URLs and ids hold
 * no quotes and pass through unchanged.
 */
const CODE = /(```[\s\S]*?```|`[^`\n]*`|<Release\b[^<>]*\/>)/;

function quotes(text: string): string {
  return (
    text
      // Apostrophes: inside a word (don't, Django's), after a plural (frameworks'), before a decade ('90s).
      .replace(/(?<=[\p{L}\p{N}])'(?=\p{L})/gu, '’')
      .replace(/(?<=\p{L}s)'(?![\p{L}\p{N}])/gu, '’')
      .replace(/(?<![\p{L}\p{N}])'(?=\d\ds\b)/gu, '’')
      // Opening marks at the start or after a space or an opening bracket or dash; every other mark closes.
      .replace(/(?<=^|[\s([{\u2014\u2013/-])"/gu, '“')
      .replace(/"/g, '”')
      .replace(/(?<=^|[\s([{\u2014\u2013/-])'/gu, '‘')
      .replace(/'/g, '’')
  );
}

export function typeset(text: string): string {
  if (!/['"]/.test(text)) return text;
  return text
    .split(CODE)
    .map((part, i) => (i % 2 === 1 ? part : quotes(part)))
    .join('');
}

/** Every string in a content entry's data, typeset; dates, numbers and the shape of the data are left as they are. */
export function typesetData<T>(data: T): T {
  if (typeof data === 'string') return typeset(data) as T;
  if (Array.isArray(data)) return data.map(typesetData) as T;
  if (data !== null && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype) {
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typesetData(v)])) as T;
  }
  return data;
}
