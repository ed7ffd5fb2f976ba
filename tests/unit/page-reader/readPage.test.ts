import { parse as documentOf, readFixture as fixture } from '@/tests/unit/content/adapters/load';
import { canonicalUrl, readPage } from '@/utils/page-reader/readPage';
import { isPageReading } from '@/utils/shared/pageReaderResult';

describe('readPage', () => {
  it('reads an article: title, byline, site, canonical URL, reading time and key sentences', () => {
    const doc = documentOf(fixture('article-page.html'));
    const before = doc.documentElement.outerHTML;
    const reading = readPage(doc, 'https://blog.example.org/post?utm_source=x#top');
    expect(isPageReading(reading)).toBe(true);
    expect(reading.url).toBe('https://blog.example.org/post');
    expect(reading.host).toBe('blog.example.org');
    expect(reading.arxivIds).toEqual(['2408.01234', '2310.06825', '2409.00001']);
    const article = reading.article;
    expect(article?.title).toBe('What we learned building retrieval for support');
    expect(article?.byline).toMatch(/Grace Hopper/);
    expect(article?.siteName).toBe('Example Blog');
    expect(article?.readingMinutes).toBe(1);
    expect(article?.words).toBeGreaterThan(200);
    expect(article?.keySentences.length).toBeGreaterThanOrEqual(3);
    expect(article?.keySentences.length).toBeLessThanOrEqual(5);
    expect(article?.keySentences.some((s) => s.includes('coffee'))).toBe(false);
    // Plain data only (what executeScript can hand back), and the page itself is untouched.
    expect(JSON.parse(JSON.stringify(reading))).toEqual(reading);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('finds no article on a page that is not one, but still finds its papers', () => {
    const doc = documentOf(
      '<html><head><title>Links</title></head><body><ul><li><a href="https://arxiv.org/abs/2401.00001">A</a></li></ul></body></html>',
    );
    const reading = readPage(doc, 'https://links.example.com/');
    expect(reading.article).toBeNull();
    expect(reading.arxivIds).toEqual(['2401.00001']);
    expect(reading.url).toBe('https://links.example.com/');
  });
});

describe('canonicalUrl', () => {
  it('prefers an http(s) link[rel=canonical], resolved; else the address without #hash', () => {
    const withCanonical = documentOf('<link rel="canonical" href="/a/b">');
    expect(canonicalUrl(withCanonical, 'https://x.org/a/b?page=2')).toBe('https://x.org/a/b');
    const hostile = documentOf('<link rel="canonical" href="javascript:alert(1)">');
    expect(canonicalUrl(hostile, 'https://x.org/p#s')).toBe('https://x.org/p');
    expect(canonicalUrl(documentOf(''), 'file:///tmp/a.html')).toBe('file:///tmp/a.html');
  });
});
