/**
 * Splits title or TL;DR text into plain text and inline TeX (`$k$-NN`, `$\mathcal{O}(n)$`), so
 * that only the math goes to the TeX renderer and everything else stays text. Pure.
 */

export type TexSegment = { kind: 'text'; text: string } | { kind: 'math'; tex: string };

/** Longer "math" is more likely two stray dollars than a formula. */
const MAX_MATH_LENGTH = 200;
/** Bounds the renderer's work per string. */
const MAX_MATH_SEGMENTS = 12;

const isSpace = (char: string | undefined) => char === undefined || /\s/.test(char);
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

/**
 * Where the math opened at `start` (just after its `$`) ends: the next unescaped `$` with no
 * space before it and no digit after it (so "$5 and $10" stays text), or -1.
 */
function closingDollar(text: string, start: number): number {
  if (isSpace(text[start]) || text[start] === '$') return -1;
  for (let index = start; index < text.length && index - start <= MAX_MATH_LENGTH; index++) {
    const char = text[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (char !== '$') continue;
    return !isSpace(text[index - 1]) && !isDigit(text[index + 1]) ? index : -1;
  }
  return -1;
}

export function texSegments(text: string): TexSegment[] {
  const segments: TexSegment[] = [];
  let plain = '';
  let mathCount = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\' && text[index + 1] === '$') {
      plain += '$';
      index++;
      continue;
    }
    if (char === '$' && mathCount < MAX_MATH_SEGMENTS) {
      const end = closingDollar(text, index + 1);
      if (end !== -1) {
        if (plain) segments.push({ kind: 'text', text: plain });
        plain = '';
        segments.push({ kind: 'math', tex: text.slice(index + 1, end) });
        mathCount++;
        index = end;
        continue;
      }
    }
    plain += char;
  }
  if (plain) segments.push({ kind: 'text', text: plain });
  return segments;
}

/** Whether the text has any math to render (skips loading the renderer for most titles). */
export function hasTex(text: string): boolean {
  return text.includes('$') && texSegments(text).some((segment) => segment.kind === 'math');
}
