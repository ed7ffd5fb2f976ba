import { paperRecord, tag } from '@/tests/helpers/records';
import { toRis } from '@/utils/shared/export/ris';

describe('toRis', () => {
  it('writes one tagged record per paper with CRLF line ends, closed by ER', () => {
    const text = toRis(
      [
        paperRecord('1706.03762', {
          title: 'Attention Is All You Need',
          authors: ['Ashish Vaswani', 'Jan van der Berg'],
          abstract: 'The dominant\nsequence models.',
          latestVersion: 7,
          tagIds: ['t1'],
          note: 'read §3\nagain',
        }),
      ],
      [tag('t1', 'transformers')],
    );
    expect(text.split('\r\n')).toEqual([
      'TY  - GEN',
      'AU  - Vaswani, Ashish',
      'AU  - van der Berg, Jan',
      'TI  - Attention Is All You Need',
      'AB  - The dominant sequence models.',
      'PY  - 2017',
      'DA  - 2017/06',
      'UR  - https://arxiv.org/abs/1706.03762',
      'AN  - arXiv:1706.03762v7',
      'DB  - arXiv',
      'KW  - transformers',
      'N1  - read §3 again',
      'ER  - ',
      '',
    ]);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('is a JOUR with JO and DO when a journal reference or DOI is known', () => {
    const text = toRis([
      paperRecord('2001.00001', { journalRef: 'Nature 1, 2 (2020)', doi: '10.1038/x' }),
    ]);
    expect(text).toMatch(/^TY {2}- JOUR\r\n/);
    expect(text).toContain('JO  - Nature 1, 2 (2020)\r\n');
    expect(text).toContain('DO  - 10.1038/x\r\n');
  });

  it('separates records by a blank line', () => {
    const text = toRis([paperRecord('2001.00001'), paperRecord('2001.00002')]);
    expect(text.match(/ER {2}- \r\n/g)).toHaveLength(2);
    expect(text).toContain('ER  - \r\n\r\nTY  - GEN');
  });
});
