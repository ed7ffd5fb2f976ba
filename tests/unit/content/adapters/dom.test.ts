import { parse } from '@/tests/unit/content/adapters/load';
import {
  authorLinks,
  dropLabel,
  firstLast,
  pageSource,
  subjects,
  textOf,
} from '@/utils/content/adapters/dom';
import { categoryCode, categoryList, LIMITS } from '@/utils/shared/paper';

const el = (html: string) => {
  const found = parse(`<div id="x">${html}</div>`).getElementById('x');
  if (!found) throw new Error('no element');
  return found;
};

describe('categories', () => {
  it.each([
    ['Quantum Physics (quant-ph)', 'quant-ph'],
    ['Computation and Language (cs.CL)', 'cs.CL'],
    ['Quantum Gases (cond-mat.quant-gas)', 'cond-mat.quant-gas'],
    ['Biological Physics (physics.bio-ph)', 'physics.bio-ph'],
    [' cs.LG ', 'cs.LG'],
    ['High Energy Physics - Theory (hep-th)', 'hep-th'],
    ['Not a category', ''],
    ['(NOT A CODE)', ''],
    ['', ''],
  ])('%s → %s', (text, code) => {
    expect(categoryCode(text)).toBe(code);
  });

  it('lists unique valid codes, capped', () => {
    expect(categoryList(['cs.LG', 'x y', 'cs.LG', 'stat.ML'])).toEqual(['cs.LG', 'stat.ML']);
    const letter = (n: number) => String.fromCharCode(65 + n);
    const many = Array.from({ length: 80 }, (_, i) => `cs.${letter(i / 26)}${letter(i % 26)}`);
    expect(categoryList(many)).toEqual(many.slice(0, LIMITS.categories));
    expect(categoryList([`cs.${'A'.repeat(LIMITS.category)}`])).toEqual([]);
  });

  it('reads a subjects element, primary first', () => {
    const subj = el(`<span class='descriptor'>Subjects:</span>
      Quantum Physics (quant-ph); <span class="primary-subject">Machine Learning (cs.LG)</span>`);
    expect(subjects(subj)).toEqual({ primaryCategory: 'cs.LG', categories: ['cs.LG', 'quant-ph'] });
    expect(subjects(null)).toEqual({});
  });
});

describe('names', () => {
  it.each([
    ['Riedl, Mark O.', 'Mark O. Riedl'],
    ['  Ammanabrolu ,  Prithviraj ', 'Prithviraj Ammanabrolu'],
    ['The ATLAS Collaboration', 'The ATLAS Collaboration'],
    ['King, Martin Luther, Jr.', 'Martin Luther King Jr.'],
    [', ', ''],
  ])('%s → %s', (raw, name) => {
    expect(firstLast(raw)).toBe(name);
  });

  it('reads author links, skipping "et al." toggles', () => {
    const links = el(`<a href="/s?a">Jordan
        Thompson</a>, <a href="/s?b"> </a><a href="javascript:toggle()">Hidden toggle</a>
      <a href="#">et al. (3 additional authors not shown)</a>`).querySelectorAll('a');
    expect(authorLinks(links)).toEqual(['Jordan Thompson']);
  });
});

describe('textOf', () => {
  it('collapses whitespace and drops descriptors', () => {
    expect(textOf(el(`<span class="descriptor">Title:</span>\n  A  \n title `), 100)).toBe(
      'A title',
    );
  });

  it('puts MathJax v2 formulas back to TeX', () => {
    const html = `Bound <span class="MathJax_Preview">O(n)</span><span class="MathJax" id="MathJax-Element-1-Frame"><nobr>O(n)</nobr></span><script type="math/tex" id="MathJax-Element-1">O(n)</script>-time and
      <div class="MathJax_Display"><span class="MathJax">∑</span></div><script type="math/tex; mode=display">\\sum_i x_i</script>.`;
    expect(textOf(el(html), 200)).toBe('Bound $O(n)$-time and $$\\sum_i x_i$$.');
  });

  it('keeps the lowercase "mathjax" class arXiv puts on text', () => {
    expect(textOf(el('<div class="list-title mathjax">$x^2$ text</div>'), 100)).toBe('$x^2$ text');
  });

  it('ignores other scripts and styles, keeps markup-looking text as text', () => {
    expect(
      textOf(el('a<script>evil()</script><style>p{}</style> &lt;img onerror=x&gt;'), 100),
    ).toBe('a <img onerror=x>');
  });

  it('clips and handles missing elements', () => {
    expect(textOf(el('abcdef'), 3)).toBe('abc');
    expect(textOf(null, 3)).toBe('');
  });
});

describe('misc', () => {
  it('dropLabel removes a leading label only', () => {
    expect(dropLabel('Comments: 9 pages', 'Comments:')).toBe('9 pages');
    expect(dropLabel('9 pages. Comments: none', 'Comments:')).toBe('9 pages. Comments: none');
  });

  it('pageSource clips the label and keeps the URL within the limit', () => {
    const long = new URL(`https://arxiv.org/search/?query=${'q'.repeat(3000)}`);
    const source = pageSource('arxiv-search', 'L'.repeat(500), long);
    expect(source.label).toHaveLength(LIMITS.label);
    expect(source.url).toBe('https://arxiv.org/search/');
  });
});
