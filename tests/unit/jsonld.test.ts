import { describe, expect, it } from 'vitest';
import {
  breadcrumbList,
  faqPage,
  graph,
  serializeJsonLd,
  techArticle,
  website,
  type SiteInfo,
} from '../../src/lib/jsonld';
import { shareLinks } from '../../src/lib/share';
import { absolutizeHtml } from '../../src/lib/feed-html';
import { ogImagePath } from '../../src/lib/og-image';
import { schemaProblems } from '../support/schemaorg';

const site: SiteInfo = {
  url: 'https://guide.example/',
  name: 'Guide',
  description: 'd',
  logo: '/icons/icon-512.png',
  locale: 'en',
};

describe('JSON-LD builders', () => {
  it('give nodes stable ids and valid schema.org terms', () => {
    const nodes = [
      website(site, { home: true }),
      breadcrumbList('https://guide.example/faq/', [{ name: 'Home', url: 'https://guide.example/' }]),
      techArticle(site, {
        url: 'https://guide.example/a/',
        headline: 'A',
        description: 'd',
        image: 'https://guide.example/og/a.png',
        datePublished: new Date(0),
        dateModified: new Date(0),
      }),
      faqPage('https://guide.example/faq/', [{ question: 'Why?', answer: 'Because.' }]),
    ];
    expect(nodes.map((n) => n['@id'])).toEqual([
      'https://guide.example/#website',
      'https://guide.example/faq/#breadcrumb',
      'https://guide.example/a/#article',
      'https://guide.example/faq/#faq',
    ]);
    expect(schemaProblems(graph(nodes))).toEqual([]);
  });

  it('describe the site on its home page and only name it, under the same id, on the others', () => {
    const home = website(site, { home: true });
    const elsewhere = website(site, { home: false });
    expect(home).toMatchObject({ ...elsewhere, description: 'd', inLanguage: 'en' });
    expect(elsewhere).toEqual({ '@type': 'WebSite', '@id': home['@id'], url: site.url, name: 'Guide' });
    expect(schemaProblems(graph([elsewhere]))).toEqual([]);
  });

  it('the schema checker catches unknown types and misplaced properties', () => {
    expect(schemaProblems({ '@type': 'Articel' })).toEqual(['$: unknown type Articel']);
    expect(schemaProblems({ '@type': 'FAQPage', acceptedAnswer: 'x' })).toEqual([
      '$: FAQPage has no property acceptedAnswer',
    ]);
  });

  it('escapes characters that could close the script tag', () => {
    const text = serializeJsonLd({ name: '</script><script>alert(1)</script> & more' });
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script> & more' });
  });
});

describe('sharing helpers', () => {
  it('builds share links with the URL encoded', () => {
    const links = shareLinks('https://guide.example/a b/', 'Django & co');
    expect(links.map((l) => l.label)).toEqual(['X', 'LinkedIn', 'Hacker News', 'Reddit', 'Email']);
    expect(links[0]!.href).toBe(
      'https://x.com/intent/post?url=https%3A%2F%2Fguide.example%2Fa%20b%2F&text=Django%20%26%20co',
    );
    expect(links[4]!.href).toMatch(/^mailto:\?subject=/);
  });

  it('makes feed HTML absolute and drops anchors and scripts', () => {
    const html =
      '<h2 id="x" class="group scroll-mt-20">X<a href="#x" class="heading-anchor">#</a></h2><a href="/faq/">f</a><img src="/og/a.png"><a href="https://e.org/">e</a><script>1</script>';
    expect(absolutizeHtml(html, 'https://guide.example')).toBe(
      '<h2 id="x">X</h2><a href="https://guide.example/faq/">f</a><img src="https://guide.example/og/a.png"><a href="https://e.org/">e</a>',
    );
  });

  it('maps page paths to share-image paths', () => {
    expect(ogImagePath('/')).toBe('/og/home.png');
    expect(ogImagePath('/frameworks/django/')).toBe('/og/frameworks/django.png');
  });
});
