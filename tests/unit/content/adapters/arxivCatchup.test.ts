import { byId, papers, scanFixture } from '@/tests/unit/content/adapters/load';
import { arxivCatchup } from '@/utils/content/adapters/arxivCatchup';

describe('arxivCatchup.matches', () => {
  it.each([
    'https://arxiv.org/catchup/cs.CL/2026-11-30',
    'https://arxiv.org/catchup/cs.CL/2026-11-30?abs=True',
    'https://arxiv.org/catchup/quant-ph/2024-08-09/',
  ])('reads %s', (url) => {
    expect(arxivCatchup.matches(new URL(url))).toBe(true);
  });

  it.each([
    'https://arxiv.org/catchup',
    'https://arxiv.org/catchup/cs.CL',
    'https://arxiv.org/catchup/cs.CL/yesterday',
    'https://evil.example/catchup/cs.CL/2026-11-30',
  ])('ignores %s', (url) => {
    expect(arxivCatchup.matches(new URL(url))).toBe(false);
  });
});

describe('a catch-up page', () => {
  const url = 'https://arxiv.org/catchup/cs.CL/2026-11-30';
  const scan = scanFixture(arxivCatchup, 'arxiv-catchup.html', url);

  it('reads every entry, in order, as a listing sighting labelled with the day', () => {
    expect(papers(scan).map((paper) => paper.id)).toEqual([
      '2611.10001',
      '2611.10002',
      '2610.00007',
    ]);
    expect(scan.source).toEqual({
      kind: 'arxiv-listing',
      label: 'arXiv cs.CL · catch-up since 2026-11-30',
      url,
    });
  });

  it('reads each entry’s fields and section, as on /list/', () => {
    expect(byId(scan, '2611.10001')).toEqual({
      id: '2611.10001',
      title: 'Diffusion Models for Sentence Rewriting',
      authors: ['Yoshua Bengio', 'Chloé Moreau'],
      comments: '9 pages',
      primaryCategory: 'cs.CL',
      categories: ['cs.CL', 'cs.LG'],
      abstract: 'We rewrite sentences with a diffusion model.',
      section: 'new',
    });
    expect(byId(scan, '2611.10002').section).toBe('cross-list');
    expect(byId(scan, '2610.00007').section).toBe('replacement');
  });

  it('marks at each dt, and gives the dt and dd that show the paper (for hiding and dimming)', () => {
    const [first] = scan.entries;
    expect(first?.anchor?.localName).toBe('dt');
    expect(first?.shownIn?.map((element) => element.localName)).toEqual(['dt', 'dd']);
    expect(first?.shownIn?.[1]?.textContent).toContain('Diffusion Models');
  });
});
