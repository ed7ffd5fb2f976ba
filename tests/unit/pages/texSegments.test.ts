import { describe, expect, it } from 'vitest';
import { hasTex, texSegments } from '@/utils/pages/texSegments';

describe('TeX segments in titles and TL;DRs', () => {
  it('splits inline math from text', () => {
    expect(texSegments('Fast $k$-NN search in $\\mathcal{O}(n)$ time')).toEqual([
      { kind: 'text', text: 'Fast ' },
      { kind: 'math', tex: 'k' },
      { kind: 'text', text: '-NN search in ' },
      { kind: 'math', tex: '\\mathcal{O}(n)' },
      { kind: 'text', text: ' time' },
    ]);
  });

  it('leaves prices, lone dollars and escaped dollars as text', () => {
    expect(texSegments('It costs $5 and $10 a day')).toEqual([
      { kind: 'text', text: 'It costs $5 and $10 a day' },
    ]);
    expect(texSegments('A lone $ sign')).toEqual([{ kind: 'text', text: 'A lone $ sign' }]);
    expect(texSegments('Pay \\$3 for $x$')).toEqual([
      { kind: 'text', text: 'Pay $3 for ' },
      { kind: 'math', tex: 'x' },
    ]);
    expect(hasTex('Nothing to render here')).toBe(false);
    expect(hasTex('$x^2$')).toBe(true);
  });

  it('keeps an escaped dollar inside math, and does not treat markup as math', () => {
    expect(texSegments('$a\\$b$')).toEqual([{ kind: 'math', tex: 'a\\$b' }]);
    expect(texSegments('<img src=x onerror=alert(1)>')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });
});
