import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e-test';

/**
 * The search page: its box has focus on arrival, and excerpts read as the pages do: no heading-anchor glyphs, and no
 * words of neighbouring blocks run together ("LanguagePythonRuntimeCPython" was a facts list, indexed without spaces).
 */
const QUERIES = ['Python runtime', 'licence', 'security defaults', 'Kestrel', 'long-term support', 'CSRF', 'monolith'];

type Found = { url: string; excerpt: string };

async function search(page: Page, query: string): Promise<Found[]> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('[data-search-results] li').first()).toBeVisible({ timeout: 15_000 });
  return page.locator('[data-search-results] li').evaluateAll((items) =>
    items.map((li) => ({
      url: li.querySelector('a')!.getAttribute('href')!,
      excerpt: li.querySelector('p')!.textContent!,
    })),
  );
}

/** Words as a reader sees them on the page's indexed part, trimmed of punctuation but not of "#" (C# is a word, "defaults#" an anchor glyph). */
const words = (text: string) =>
  text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}#]+|[^\p{L}\p{N}#]+$/gu, ''))
    .filter(Boolean);

test('the search box has focus when the page opens', async ({ page }) => {
  await page.goto('/search/');
  await expect(page.getByRole('searchbox', { name: 'Search the guide' })).toBeFocused();
});

test('excerpts hold no anchor glyphs and no words run together', async ({ page }) => {
  test.setTimeout(60_000);
  const shown = new Map<string, Set<string>>();
  for (const query of QUERIES) {
    const results = await search(page, query);
    expect(results.length, query).toBeGreaterThan(0);
    for (const { url, excerpt } of results) {
      expect(excerpt, `${query} → ${url}`).not.toMatch(/[¶§]|(^|\s)#(\s|$)/);
      if (!shown.has(url)) {
        await page.goto(url);
        // The indexed part as the page lays it out, without what the index leaves out (anchors, share bar, contents).
        // An article's body skips rendering until it nears the viewport (global.css), and an ancestor's innerText
        // leaves out what is skipped: it is rendered here, as it is for a reader who scrolls to it.
        const text = await page.evaluate(() => {
          document.querySelectorAll('[data-pagefind-ignore]').forEach((e) => e.remove());
          for (const e of document.querySelectorAll<HTMLElement>('[data-pagefind-body] *'))
            if (getComputedStyle(e).contentVisibility === 'auto') e.style.contentVisibility = 'visible';
          return [...document.querySelectorAll<HTMLElement>('[data-pagefind-body]')].map((e) => e.innerText).join('\n');
        });
        shown.set(url, new Set(words(text)));
      }
      const pageWords = shown.get(url)!;
      // The first and last words may be cut: Pagefind trims excerpts to a length.
      const unknown = words(excerpt)
        .slice(1, -1)
        .filter((w) => !pageWords.has(w));
      expect(unknown, `${query} → ${url}: "${excerpt}"`).toEqual([]);
    }
  }
});
