import { paperRecord, tag } from '@/tests/helpers/records';
import {
  baseKey,
  bibtexKeys,
  escapeLatex,
  escapeTitle,
  toBibtex,
  toBibtexFile,
} from '@/utils/shared/export/bibtex';

const attention = paperRecord('1706.03762', {
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
  primaryCategory: 'cs.CL',
  categories: ['cs.CL', 'cs.LG'],
});

describe('toBibtex', () => {
  it('writes an arXiv paper as @misc with eprint, archivePrefix, primaryClass, url and the date of its id', () => {
    expect(toBibtex(attention)).toBe(
      [
        '@misc{vaswani2017attention,',
        '  title = {Attention Is All You Need},',
        '  author = {Ashish Vaswani and Noam Shazeer and Niki Parmar},',
        '  year = {2017},',
        '  month = jun,',
        '  eprint = {1706.03762},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.CL},',
        '  url = {https://arxiv.org/abs/1706.03762}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('makes an @article with the journal and DOI when arXiv knows them', () => {
    const text = toBibtex({
      ...attention,
      journalRef: 'Phys. Rev. D 101, 012345 (2020)',
      doi: '10.1103/PhysRevD.101.012345',
    });
    expect(text).toMatch(/^@article\{vaswani2017attention,/);
    expect(text).toContain('  journal = {Phys. Rev. D 101, 012345 (2020)},');
    expect(text).toContain('  doi = {10.1103/PhysRevD.101.012345},');
    expect(text).toContain('  eprint = {1706.03762},');
  });

  it('is an @article with only a DOI too', () => {
    expect(toBibtex({ ...attention, doi: '10.1/x_y' })).toMatch(/^@article\{/);
    expect(toBibtex({ ...attention, doi: '10.1/x_y' })).toContain('doi = {10.1/x_y}');
  });

  it('names the latest version in `version` while eprint and url stay the versionless paper', () => {
    const text = toBibtex({ ...attention, latestVersion: 7 });
    expect(text).toContain('  version = {7},');
    expect(text).toContain('  eprint = {1706.03762},');
    expect(text).toContain('  url = {https://arxiv.org/abs/1706.03762}');
    expect(text).not.toContain('v7');
  });

  it('dates old-style ids by their YYMM (1999 and 2006)', () => {
    expect(toBibtex(paperRecord('hep-th/9901001'))).toContain('year = {1999},\n  month = jan,');
    expect(toBibtex(paperRecord('math.AG/0612005'))).toContain('year = {2006},\n  month = dec,');
  });

  it('escapes LaTeX specials in text, keeps $…$ math in titles, and keeps accented letters as UTF-8', () => {
    const text = toBibtex({
      ...attention,
      title: 'R&D at 100% for $O(n^2)$ #1_best {x} ~ok^ \\cmd',
      authors: ['Jürgen Schmidhuber', 'A_B Co & Sons'],
    });
    expect(text).toContain(
      'title = {R\\&D at 100\\% for $O(n^2)$ \\#1\\_best \\{x\\} \\textasciitilde{}ok\\textasciicircum{} \\textbackslash{}cmd}',
    );
    expect(text).toContain('author = {Jürgen Schmidhuber and A\\_B Co \\& Sons}');
  });

  it('escapes a lone dollar and math with unbalanced braces as text', () => {
    expect(escapeTitle('Costs $5 only')).toBe('Costs \\$5 only');
    expect(escapeTitle('Bad $x}$ math')).toBe('Bad \\$x\\}\\$ math');
    expect(escapeLatex('a\n  b')).toBe('a b');
  });

  it('lists the tags as keywords', () => {
    const text = toBibtex({ ...attention, tagIds: ['t1', 't2', 'gone'] }, [
      tag('t1', 'transformers'),
      tag('t2', 'to_read'),
      tag('gone', 'deleted', { deletedAt: 5 }),
    ]);
    expect(text).toContain('keywords = {transformers, to\\_read}');
  });

  it('writes a saved article as @misc with howpublished and url', () => {
    const article = paperRecord('url:https://example.com/post?a=1', {
      title: 'A blog post',
      authors: [],
      article: {
        url: 'https://example.com/post?a=1',
        siteName: 'Example Blog',
        keySentences: [],
        readingMinutes: 3,
      },
    });
    const text = toBibtex(article);
    expect(text).toMatch(/^@misc\{anonblog,/);
    expect(text).toContain('howpublished = {\\url{https://example.com/post?a=1}}');
    expect(text).toContain('url = {https://example.com/post?a=1}');
    expect(text).toContain('note = {Example Blog}');
    expect(text).not.toContain('eprint');
  });
});

describe('BibTeX keys', () => {
  it('is surname + year + first significant title word, ASCII, lower case', () => {
    expect(baseKey(attention)).toBe('vaswani2017attention');
    expect(
      baseKey(
        paperRecord('2101.00001', {
          title: 'On the Größe of $\\alpha$-Models',
          authors: ['José Müller-Núñez'],
        }),
      ),
    ).toBe('mullernunez2021grosse');
    expect(
      baseKey(paperRecord('2101.00001', { title: 'The Vision', authors: ['Jan van der Berg'] })),
    ).toBe('vanderberg2021vision');
  });

  it('separates colliding keys by id order, whatever order the papers come in', () => {
    const a = paperRecord('2101.00002', { title: 'Deep nets', authors: ['Ann Smith'] });
    const b = paperRecord('2101.00001', { title: 'Deep trees', authors: ['Bob Smith'] });
    const c = paperRecord('2101.00003', { title: 'Deep forests', authors: ['Cy Smith'] });
    const forward = bibtexKeys([a, b, c]);
    const backward = bibtexKeys([c, b, a]);
    expect(Object.fromEntries(forward)).toEqual({
      '2101.00001': 'smith2021deep',
      '2101.00002': 'smith2021deepb',
      '2101.00003': 'smith2021deepc',
    });
    expect(Object.fromEntries(backward)).toEqual(Object.fromEntries(forward));
  });

  it('gives a file its entries in the order given, with the de-duplicated keys', () => {
    const a = paperRecord('2101.00002', { title: 'Deep nets', authors: ['Ann Smith'] });
    const b = paperRecord('2101.00001', { title: 'Deep trees', authors: ['Bob Smith'] });
    const file = toBibtexFile([a, b]);
    expect([...file.matchAll(/^@misc\{([^,]+),/gm)].map((m) => m[1])).toEqual([
      'smith2021deepb',
      'smith2021deep',
    ]);
    expect(file).toBe(toBibtexFile([a, b]));
  });
});
