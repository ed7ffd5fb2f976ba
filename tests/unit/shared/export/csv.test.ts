import { paperRecord, tag } from '@/tests/helpers/records';
import { csvCell, toCsv } from '@/utils/shared/export/csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('toCsv', () => {
  it('has a header, CRLF rows, and every cell quoted as RFC 4180 says', () => {
    const text = toCsv(
      [
        paperRecord('1706.03762', {
          title: 'Attention, "really"',
          authors: ['A B', 'C D'],
          tagIds: ['t1'],
          savedAt: Date.UTC(2026, 0, 2),
          note: '=cmd|calc\nline 2',
        }),
      ],
      [tag('t1', 'nlp')],
    );
    expect(text.startsWith('\uFEFFid,title,authors,year,')).toBe(true);
    const rows = text.slice(1).split('\r\n');
    expect(rows[1]).toBe(
      '1706.03762,"Attention, ""really""",A B; C D,2017,cs.CL,https://arxiv.org/abs/1706.03762,,,nlp,to-read,2026-01-02T00:00:00.000Z,,"\'=cmd|calc\nline 2"',
    );
    expect(rows[2]).toBe('');
  });
});
