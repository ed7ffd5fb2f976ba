import { validateMessage } from '@/utils/shared/messageSchemas';
import { httpUrl } from '@/utils/shared/url';

describe('httpUrl', () => {
  it.each([
    ['https://github.com/a/b', 'https://github.com/a/b'],
    [' http://example.org/p ', 'http://example.org/p'],
    ['javascript:alert(1)', undefined],
    ['ftp://example.org/', undefined],
    ['/relative', undefined],
    ['', undefined],
    [42, undefined],
    [null, undefined],
  ])('%s → %s', (raw, url) => {
    expect(httpUrl(raw)).toBe(url);
  });

  it('lets only absolute http(s) URLs through', () => {
    expect(httpUrl('https://github.com/a/b')).toBe('https://github.com/a/b');
    expect(httpUrl(' http://example.org ')).toBe('http://example.org/');
    expect(httpUrl('HTTPS://EXAMPLE.org/x')).toBe('https://example.org/x');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:msgbox',
      'file:///etc/passwd',
      '//evil.example/x',
      '/relative',
      'https://',
      '',
      undefined,
      null,
    ]) {
      expect(httpUrl(bad), String(bad)).toBeUndefined();
    }
  });

  it('keeps within the size limit, before and after normalising', () => {
    const long = `https://example.org/${'x'.repeat(100)}`;
    expect(httpUrl(long, { max: 200 })).toBe(long);
    expect(httpUrl(long, { max: 100 })).toBeUndefined();
    expect(httpUrl('https://example.org', { max: 19 })).toBeUndefined(); // "https://example.org/"
  });

  it('resolves a relative URL against a base only when given one', () => {
    expect(httpUrl('/a/b?c#d', { base: 'https://example.org/x/y' })).toBe(
      'https://example.org/a/b?c#d',
    );
    expect(httpUrl('javascript:alert(1)', { base: 'https://example.org/' })).toBeUndefined();
    expect(httpUrl('/a/b')).toBeUndefined();
  });
});

describe('URLs in messages', () => {
  const found = (url: string) =>
    validateMessage({ type: 'pagePapersFound', payload: { url, ids: ['2408.01234'] } }).ok;

  it('accepts the http(s) URLs httpUrl accepts, as the URL parser writes them', () => {
    expect(found('https://example.org/post?id=1')).toBe(true);
    expect(found('HTTP://Example.org/a')).toBe(true);
  });

  it('refuses what httpUrl refuses, and surrounding spaces', () => {
    for (const url of ['javascript:alert(1)', 'https://', 'http://exa mple.org/', '/relative']) {
      expect(found(url), url).toBe(false);
    }
    expect(found(' https://example.org/post')).toBe(false);
    expect(found('https://example.org/post ')).toBe(false);
  });
});
