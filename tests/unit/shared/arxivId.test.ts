import {
  arxivIdFrom,
  arxivIdFromUrl,
  bareArxivId,
  findArxivIds,
  firstArxivId,
  isArxivId,
} from '@/utils/shared/arxivId';

describe('arXiv ids', () => {
  it('drops the version and accepts both id styles', () => {
    expect(bareArxivId(' 2408.01234v12 ')).toBe('2408.01234');
    expect(isArxivId('2408.01234')).toBe(true);
    expect(isArxivId('0704.0001')).toBe(true);
    expect(isArxivId('hep-th/9901001')).toBe(true);
    expect(isArxivId('math.AG/0601001')).toBe(true);
    expect(isArxivId('2408.1')).toBe(false);
    expect(isArxivId('javascript:alert(1)')).toBe(false);
  });
});

describe('arxivIdFrom, as arXiv pages read ids', () => {
  it.each([
    ['/abs/2408.01234', '2408.01234'],
    ['/abs/2408.01234v3', '2408.01234'],
    ['https://arxiv.org/abs/2408.01234v12?context=cs#top', '2408.01234'],
    ['arXiv:2408.01234', '2408.01234'],
    ['  arXiv:2408.01234v2  ', '2408.01234'],
    ['0704.0001', '0704.0001'],
    ['/abs/hep-th/9901001v2', 'hep-th/9901001'],
    ['math.AG/0601001', 'math.AG/0601001'],
    ['/pdf/2408.01234', ''],
    ['2408.1', ''],
    ['not-an-id', ''],
    ['', ''],
    [null, ''],
  ])('%s → %s', (raw, id) => {
    expect(arxivIdFrom(raw)).toBe(id);
  });

  it('firstArxivId takes the first valid candidate', () => {
    expect(firstArxivId([null, 'junk', '/abs/2408.01234v1', '2408.99999'])).toBe('2408.01234');
    expect(firstArxivId([undefined, ''])).toBe('');
  });
});

describe('arxivIdFrom with PDF links, as feeds read ids', () => {
  it.each([
    ['https://arxiv.org/abs/2408.01234', '2408.01234'],
    ['http://arxiv.org/abs/2408.01234v2', '2408.01234'],
    ['https://arxiv.org/pdf/2408.01234v2.pdf', '2408.01234'],
    ['oai:arXiv.org:2403.15527v1', '2403.15527'],
    ['arXiv:2403.15527v1', '2403.15527'],
    ['http://arxiv.org/abs/hep-th/9901001v1', 'hep-th/9901001'],
    ['http://arxiv.org/abs/math.AG/0601001v3', 'math.AG/0601001'],
    ['oai:arXiv.org:cond-mat/0412498v1', 'cond-mat/0412498'],
    [' 2509.24006 ', '2509.24006'],
    ['https://arxiv.org/abs/2408.01234?context=cs#x', '2408.01234'],
  ])('%s → %s', (raw, id) => {
    expect(arxivIdFrom(raw, { pdfLinks: true })).toBe(id);
  });

  it.each([
    '',
    'http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345',
    'https://example.org/not-arxiv',
    '2408.123',
    'oai:arXiv.org:',
    'javascript:alert(1)',
    'x'.repeat(10_000),
  ])('rejects %s', (raw) => {
    expect(arxivIdFrom(raw, { pdfLinks: true })).toBe('');
  });

  it('reads a PDF path only when asked to', () => {
    expect(arxivIdFrom('/pdf/2408.01234v2', { pdfLinks: true })).toBe('2408.01234');
    expect(arxivIdFrom('/pdf/2408.01234v2')).toBe('');
  });
});

describe('arxivIdFromUrl', () => {
  it('reads abs, pdf and html links, without version', () => {
    expect(arxivIdFromUrl('https://arxiv.org/abs/2408.01234')).toBe('2408.01234');
    expect(arxivIdFromUrl('https://arxiv.org/abs/2408.01234v3')).toBe('2408.01234');
    expect(arxivIdFromUrl('http://arxiv.org/pdf/2408.01234v2.pdf')).toBe('2408.01234');
    expect(arxivIdFromUrl('https://arxiv.org/pdf/2408.01234')).toBe('2408.01234');
    expect(arxivIdFromUrl('https://www.arxiv.org/html/2501.00001v1#S2')).toBe('2501.00001');
    expect(arxivIdFromUrl('https://arxiv.org/abs/hep-th/9901001v2')).toBe('hep-th/9901001');
    expect(arxivIdFromUrl('https://arxiv.org/abs/math.GT/0309136?context=math')).toBe(
      'math.GT/0309136',
    );
  });

  it('refuses other hosts, other paths and impossible ids', () => {
    expect(arxivIdFromUrl('https://example.org/abs/2408.01234')).toBeUndefined();
    expect(arxivIdFromUrl('https://arxiv.org.evil.com/abs/2408.01234')).toBeUndefined();
    expect(arxivIdFromUrl('https://arxiv.org/list/cs.CL/new')).toBeUndefined();
    expect(arxivIdFromUrl('https://arxiv.org/abs/2413.01234')).toBeUndefined(); // month 13
    expect(arxivIdFromUrl('https://arxiv.org/abs/2408.012345')).toBeUndefined();
    expect(arxivIdFromUrl('javascript:alert(1)//arxiv.org/abs/2408.01234')).toBeUndefined();
  });
});

describe('findArxivIds', () => {
  it('collects unique bare ids from links, then from text', () => {
    const ids = findArxivIds({
      links: [
        'https://blog.example.org/',
        'https://arxiv.org/abs/2408.01234',
        'https://arxiv.org/pdf/2408.01234v2',
        'https://arxiv.org/abs/2310.06825',
      ],
      text: 'As shown in arXiv:2409.00001v1 and arXiv: 2310.06825, also arXiv:hep-th/9901001.',
    });
    expect(ids).toEqual(['2408.01234', '2310.06825', '2409.00001', 'hep-th/9901001']);
  });

  it('finds ids in text only after "arXiv:" and not inside longer numbers', () => {
    const ids = findArxivIds({
      links: [],
      text: 'Call 2408.01234 now. ARXIV:2408.55555. arXiv:2408.123456 arXiv:1234.5678x arxiv:0704.0001',
    });
    expect(ids).toEqual(['2408.55555', '0704.0001']);
  });

  it('stops at the cap', () => {
    const text = Array.from({ length: 50 }, (_, i) => `arXiv:2401.${String(i).padStart(5, '0')}`);
    expect(findArxivIds({ links: [], text: text.join(' ') }, 10)).toHaveLength(10);
    const links = text.map((id) => `https://arxiv.org/abs/${id.slice(6)}`);
    expect(findArxivIds({ links, text: '' }, 7)).toHaveLength(7);
  });
});
