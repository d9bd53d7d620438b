/**
 * Syntax highlighting to class names: Shiki tokenises with a light and a dark theme, and each token gets one
 * class per theme colour (styled by src/styles/code-theme.css). No inline styles, so the CSP stays strict.
 */
import { codeToTokens, type BundledLanguage } from 'shiki';

// The "default" GitHub themes: their token colours meet WCAG AA contrast on their backgrounds (the older ones did not).
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** "light", "#D73A49" → "l-d73a49". Alpha channels are kept ("#6a737d80" → "l-6a737d80"). */
export function colourClass(mode: 'light' | 'dark', colour: string): string {
  return `${mode[0]}-${colour.replace('#', '').toLowerCase()}`;
}

export interface Token {
  text: string;
  classes: string;
}

/** Tokens in the themes' default colours carry no class (.code-block sets it), and neighbours that look alike merge:
 * about half the spans of a typical sample go, and those bytes are on every article's critical path. */
export async function highlightLines(code: string, lang: BundledLanguage): Promise<Token[][]> {
  const { tokens, fg = '' } = await codeToTokens(code, { lang, themes: CODE_THEMES });
  const defaults = defaultColourClasses(fg);
  return tokens.map((line) =>
    mergeAlike(
      line.map((t) => {
        const style = (t.htmlStyle ?? {}) as Record<string, string>;
        const colours = [
          style['color'] && colourClass('light', style['color']),
          style['--shiki-dark'] && colourClass('dark', style['--shiki-dark']),
        ]
          .filter(Boolean)
          .join(' ');
        const classes = colours === defaults ? [] : [colours];
        if (t.fontStyle && t.fontStyle & 1) classes.push('italic');
        if (t.fontStyle && t.fontStyle & 2) classes.push('font-bold');
        return { text: t.content, classes: classes.join(' ') };
      }),
    ),
  );
}

/** Shiki's two-theme foreground, "#1f2328;--shiki-dark:#e6edf3", as the classes a default token would get. */
export function defaultColourClasses(fg: string): string {
  const [light, dark] = fg.split(';--shiki-dark:');
  return [light && colourClass('light', light), dark && colourClass('dark', dark)].filter(Boolean).join(' ');
}

/** Joins neighbouring tokens with the same classes into one. */
export function mergeAlike(line: Token[]): Token[] {
  const merged: Token[] = [];
  for (const token of line) {
    const last = merged.at(-1);
    if (last && last.classes === token.classes) last.text += token.text;
    else merged.push({ ...token });
  }
  return merged;
}
