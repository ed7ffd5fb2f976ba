// @vitest-environment node
import {
  attr,
  childElement,
  childElements,
  childText,
  decodeEntities,
  findElement,
  MAX_DEPTH,
  NS,
  parseXml,
  textContent,
  type XmlElement,
} from '@/utils/background/feeds/xml';

function root(xml: string): XmlElement {
  const r = parseXml(xml).root;
  if (!r) throw new Error('no root');
  return r;
}

describe('parseXml: well-formed input', () => {
  it('reads elements, attributes, text and the prolog', () => {
    const doc = parseXml(
      `<?xml version='1.0' encoding='UTF-8'?>\n<!-- a comment -->\n<a x="1" y='two' z = "3"><b>hi</b> there<c/></a>\n`,
    );
    expect(doc.complete).toBe(true);
    const a = doc.root as XmlElement;
    expect(a.name).toBe('a');
    expect([...a.attrs]).toEqual([
      ['x', '1'],
      ['y', 'two'],
      ['z', '3'],
    ]);
    expect(childElements(a).map((e) => e.name)).toEqual(['b', 'c']);
    expect(textContent(a)).toBe('hi there');
    expect(a.closed).toBe(true);
    expect(childElement(a, 'c')?.closed).toBe(true);
  });

  it('decodes the XML entities and numeric character references, in text and attributes', () => {
    const a = root(
      '<a t="&lt;&amp;&quot;&apos;&gt; &#65;&#x42;">&lt;b&gt; &amp;amp; &#233;&#xE9; &#128512; &#x1F600;</a>',
    );
    expect(attr(a, 't')).toBe(`<&"'> AB`);
    expect(textContent(a)).toBe('<b> &amp; éé 😀 😀');
  });

  it('keeps unknown or malformed entities as written and replaces forbidden code points', () => {
    expect(decodeEntities('&nbsp; &copy; &foo; & &amp &#; &#xZZ;')).toBe(
      '&nbsp; &copy; &foo; & &amp &#; &#xZZ;',
    );
    expect(decodeEntities('&#0;&#xD800;&#x110000;&#8;&#99999999;')).toBe('\uFFFD'.repeat(5));
  });

  it('keeps CDATA verbatim: markup and entities inside stay text', () => {
    const a = root('<a>x <![CDATA[<script>alert("&amp;")</script>]]> y</a>');
    expect(childElements(a)).toHaveLength(0);
    expect(textContent(a)).toBe('x <script>alert("&amp;")</script> y');
  });

  it('splits qualified names and resolves prefixes, declared on the root or per element', () => {
    const feed = root(
      `<feed xmlns="${NS.atom}" xmlns:arxiv="${NS.arxiv}">` +
        '<arxiv:announce_type>new</arxiv:announce_type>' +
        `<opensearch:totalResults xmlns:opensearch="${NS.opensearch}">31</opensearch:totalResults>` +
        '<dc:creator>unbound prefix</dc:creator><title>t</title></feed>',
    );
    expect(feed.ns).toBe(NS.atom);
    const at = childElement(feed, 'announce_type');
    expect(at).toMatchObject({ name: 'arxiv:announce_type', prefix: 'arxiv', ns: NS.arxiv });
    expect(childText(feed, 'totalResults', NS.opensearch)).toBe('31');
    expect(childElement(feed, 'totalResults', NS.atom)).toBeUndefined();
    expect(childElement(feed, 'creator')).toMatchObject({ prefix: 'dc', ns: '' });
    expect(childElement(feed, 'title')?.ns).toBe(NS.atom);
  });

  it('scopes namespace declarations to the element and its descendants', () => {
    const r = root('<r><a xmlns:p="urn:one"><p:x/></a><p:x/><b xmlns="urn:d"><c/></b><c/></r>');
    expect(findElement(r, 'a')?.children.map((c) => typeof c !== 'string' && c.ns)).toEqual([
      'urn:one',
    ]);
    expect(childElements(r, 'x').map((e) => e.ns)).toEqual(['']);
    expect(findElement(r, 'c')?.ns).toBe('urn:d');
    expect(childElements(r, 'c').map((e) => e.ns)).toEqual(['']);
  });

  it('skips a DOCTYPE with an internal subset and never expands its entities', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">' +
      '<!ELEMENT lolz (#PCDATA)>]><lolz>&lol2; &lt;</lolz>';
    const doc = parseXml(bomb);
    expect(doc.root?.name).toBe('lolz');
    expect(textContent(doc.root)).toBe('&lol2; <');
    expect(doc.complete).toBe(true);
  });

  it('finds elements in document order', () => {
    const r = root('<r><a><b id="1"/></a><b id="2"/></r>');
    expect(attr(findElement(r, 'b'), 'id')).toBe('1');
    expect(findElement(r, 'zzz')).toBeUndefined();
    expect(findElement(undefined, 'b')).toBeUndefined();
  });
});

describe('parseXml: malformed and truncated input', () => {
  it('returns an empty document for empty, non-XML or non-string input', () => {
    expect(parseXml('')).toEqual({ root: undefined, complete: true });
    expect(parseXml('just text').root).toBeUndefined();
    expect(parseXml(undefined as unknown as string).root).toBeUndefined();
    expect(parseXml(42 as unknown as string).root).toBeUndefined();
  });

  it('marks elements the input never closed and says the document is incomplete', () => {
    const doc = parseXml('<feed><entry><id>1</id></entry><entry><id>2</id><title>cut');
    expect(doc.complete).toBe(false);
    const entries = childElements(doc.root, 'entry');
    expect(entries.map((e) => e.closed)).toEqual([true, false]);
    expect(childText(entries[1], 'title')).toBe('cut');
    expect(childElement(entries[1], 'id')?.closed).toBe(true);
  });

  it.each([
    ['inside a start tag', '<a><b x="1'],
    ['inside a tag name', '<a><entr'],
    ['inside an end tag', '<a><b>t</b'],
    ['inside a comment', '<a><!-- c'],
    ['inside a PI', '<a><?pi x'],
    ['inside a DOCTYPE', '<!DOCTYPE a [ <!ENTITY x "y">'],
  ])('stops cleanly when the input ends %s', (_label, xml) => {
    const doc = parseXml(xml);
    expect(doc.complete).toBe(false);
  });

  it('keeps the text of an unterminated CDATA section', () => {
    const doc = parseXml('<a><![CDATA[<b>partial');
    expect(textContent(doc.root)).toBe('<b>partial');
    expect(doc.complete).toBe(false);
  });

  it('closes the open element a stray or mismatched end tag names, and ignores unknown ones', () => {
    const r = root('<r><a><b>x</a><c>y</q></c></r>');
    const a = childElement(r, 'a');
    expect(a?.closed).toBe(true);
    expect(childElement(a, 'b')?.closed).toBe(false);
    expect(childText(r, 'c')).toBe('y');
    expect(r.closed).toBe(true);
  });

  it('treats a bare "<" in text as text, and reads unquoted or valueless attributes', () => {
    const r = root('<r a=1 b c="3">x < y <= z</r>');
    expect(textContent(r)).toBe('x < y <= z');
    expect([...r.attrs]).toEqual([
      ['a', '1'],
      ['b', ''],
      ['c', '3'],
    ]);
  });

  it('ends a tag that runs into another "<"', () => {
    const r = root('<r><a x="1" <b>t</b></a></r>');
    expect(attr(childElement(r, 'a'), 'x')).toBe('1');
    expect(childText(childElement(r, 'a'), 'b')).toBe('t');
  });

  it('keeps the first of repeated attributes and does not touch Object.prototype', () => {
    const r = root('<r __proto__="x" constructor="y" a="1" a="2"/>');
    expect(attr(r, 'a')).toBe('1');
    expect(attr(r, '__proto__')).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('caps the nesting depth; deeper content goes to the deepest open element', () => {
    const depth = MAX_DEPTH + 50;
    const xml = `${'<d>'.repeat(depth)}deep${'</d>'.repeat(depth)}`;
    const doc = parseXml(xml);
    let el = doc.root;
    let levels = 0;
    while (el) {
      levels++;
      el = childElement(el, 'd');
    }
    expect(levels).toBe(MAX_DEPTH);
    expect(textContent(doc.root)).toBe('deep');
  });

  it('runs in linear time on hostile inputs', () => {
    const n = 200_000;
    const cases = [
      '<a '.repeat(n),
      '<a b="'.repeat(n),
      '</a'.repeat(n),
      '</a>'.repeat(n),
      `<r>${'<x>'.repeat(300)}${'</y>'.repeat(n)}</r>`,
      `<r>${'&amp;&#1;&lt'.repeat(n)}</r>`,
      '<!--'.repeat(n),
      '<![CDATA['.repeat(n),
      `<!DOCTYPE ${'['.repeat(n)}`,
      '<'.repeat(n),
      `<r>${'<![CDATA[x]]>y'.repeat(n)}</r>`,
      `<r>${'<e a="1" b=\'2\'/>'.repeat(n)}</r>`,
    ];
    for (const xml of cases) {
      const t = performance.now();
      parseXml(xml);
      const ms = performance.now() - t;
      expect(ms, xml.slice(0, 20)).toBeLessThan(1500);
    }
  });
});
