import { describe, expect, it } from 'vitest';
import { absoluteUrl, comparePath, frameworkPath, href } from '../../src/lib/paths';

describe('href', () => {
  it.each([
    ['/', '/'],
    ['/frameworks', '/frameworks/'],
    ['/frameworks/django/', '/frameworks/django/'],
    ['/rss.xml', '/rss.xml'],
    ['/faq#which-pays-best', '/faq/#which-pays-best'],
    ['#top', '#top'],
    ['https://example.org/a', 'https://example.org/a'],
  ])('%s → %s', (input, expected) => {
    expect(href(input)).toBe(expected);
  });

  it('builds article and absolute URLs', () => {
    expect(frameworkPath('spring-boot')).toBe('/frameworks/spring-boot/');
    expect(comparePath('django-vs-laravel')).toBe('/compare/django-vs-laravel/');
    expect(absoluteUrl('/trends/serverless', 'https://guide.example')).toBe('https://guide.example/trends/serverless/');
  });
});
