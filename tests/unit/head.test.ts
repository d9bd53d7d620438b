import { describe, expect, it } from 'vitest';
import { buildHeadTags, pageTitle } from '../../src/lib/head';
import { siteUrl } from '../../src/site';

const siteMeta = { name: 'Guide', url: 'https://guide.example/', locale: 'en' };
const find = (tags: ReturnType<typeof buildHeadTags>, key: string) =>
  tags.find((t) => t.attrs['property'] === key || t.attrs['name'] === key || t.attrs['rel'] === key)?.attrs;

describe('head tags', () => {
  it('gives an absolute canonical and matching og:url', () => {
    const tags = buildHeadTags({ title: 'Django', description: 'd', path: '/frameworks/django/' }, siteMeta);
    expect(find(tags, 'canonical')?.['href']).toBe('https://guide.example/frameworks/django/');
    expect(find(tags, 'og:url')?.['content']).toBe('https://guide.example/frameworks/django/');
    expect(find(tags, 'og:title')?.['content']).toBe('Django — Guide');
  });

  it('adds article times only to articles, and noindex only when asked', () => {
    const date = new Date('2026-11-24T00:00:00Z');
    const article = buildHeadTags(
      { title: 'a', description: 'd', path: '/a/', type: 'article', publishedAt: date },
      siteMeta,
    );
    expect(find(article, 'article:published_time')?.['content']).toBe('2026-11-24T00:00:00.000Z');
    const page = buildHeadTags({ title: 'a', description: 'd', path: '/a/', publishedAt: date }, siteMeta);
    expect(find(page, 'article:published_time')).toBeUndefined();
    expect(find(page, 'robots')).toBeUndefined();
    expect(find(buildHeadTags({ title: 'a', description: 'd', path: '/', noindex: true }, siteMeta), 'robots')).toEqual(
      {
        name: 'robots',
        content: 'noindex',
      },
    );
  });

  it('uses the site name alone on the home page', () => {
    expect(pageTitle('Guide', 'Guide')).toBe('Guide');
  });
});

describe('siteUrl', () => {
  it('reads SITE_URL, trimming trailing slashes, with a localhost default', () => {
    expect(siteUrl({ SITE_URL: 'https://guide.example/' })).toBe('https://guide.example');
    expect(siteUrl({ SITE_URL: 'https://guide.example/sub/' })).toBe('https://guide.example/sub');
    expect(siteUrl({})).toBe('http://localhost:4321');
  });
});
