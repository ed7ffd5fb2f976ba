import { articleId, isArticleId } from '@/utils/shared/articleId';
import { LIMITS } from '@/utils/shared/paper';
import { canonicalHttpUrl } from '@/utils/shared/url';

describe('articleId', () => {
  it.each([
    ['https://blog.example.org/post', 'url:https://blog.example.org/post'],
    // Quotes, brackets and spaces are percent-encoded: the id has no whitespace.
    ['https://example.com/a"><img src=x>', 'url:https://example.com/a%22%3E%3Cimg%20src=x%3E'],
    ['HTTPS://Blog.Example.ORG:443/post?q=a b#intro', 'url:https://blog.example.org/post?q=a%20b'],
    ['http://example.com', 'url:http://example.com/'],
    ['https://example.com/é', 'url:https://example.com/%C3%A9'],
  ])('stores %s under %s', (url, id) => {
    expect(articleId(url)).toBe(id);
  });

  it.each([
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a file: URL', 'file:///etc/passwd'],
    ['an ftp: URL', 'ftp://example.com/a'],
    ['a relative address', '/post'],
    ['a host with a space', 'https://a b/'],
    ['an address over the limit once encoded', `https://example.com/${'"'.repeat(700)}`],
  ])('makes no id for %s', (_name, url) => {
    expect(articleId(url)).toBeUndefined();
  });
});

describe('isArticleId', () => {
  it('accepts every id articleId makes', () => {
    for (const url of [
      'https://blog.example.org/post',
      'https://example.com/a"><img src=x>',
      'HTTP://EXAMPLE.com/x?y=1#z',
      `https://example.com/${'a'.repeat(LIMITS.url - 'https://example.com/'.length)}`,
    ]) {
      const id = articleId(url);
      expect(id).toBeDefined();
      expect(isArticleId(id as string)).toBe(true);
    }
  });

  it('accepts ids stored before addresses were normalised, so they can still be unsaved', () => {
    expect(isArticleId('url:https://example.com/a"><img src=x>')).toBe(true);
    expect(isArticleId('url:https://example.com/post#section')).toBe(true);
  });

  it.each([
    ['a bare arXiv id', '2408.01234'],
    ['a url: id with a javascript: URL', 'url:javascript:x'],
    ['a url: id whose host has a space', 'url:https://a b'],
    ['a url: id without a URL', 'url:'],
    ['an id without the prefix', 'https://example.com/'],
    ['an overlong id', `url:https://example.com/${'a'.repeat(LIMITS.url)}`],
  ])('refuses %s', (_name, id) => {
    expect(isArticleId(id)).toBe(false);
  });
});

describe('canonicalHttpUrl', () => {
  it('resolves against a base, drops the #hash and keeps only http(s)', () => {
    expect(canonicalHttpUrl('/a/b#c', 'https://x.org/p')).toBe('https://x.org/a/b');
    expect(canonicalHttpUrl('javascript:alert(1)', 'https://x.org/')).toBeUndefined();
    expect(canonicalHttpUrl('', 'https://x.org/')).toBeUndefined();
    expect(canonicalHttpUrl(null)).toBeUndefined();
  });
});
