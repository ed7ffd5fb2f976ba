// @vitest-environment node

import { byId, readFixture } from '@/tests/unit/background/feeds/load';
import { parseHfDailyApi } from '@/utils/background/feeds/hfApi';
import { LIMITS } from '@/utils/shared/paper';

const json: unknown = JSON.parse(readFixture('hf-daily-api.json'));

describe('parseHfDailyApi', () => {
  const r = parseHfDailyApi(json);

  it('reads the valid items and says why the others were skipped', () => {
    expect(r.ids).toEqual(['2509.24006', '2509.25190', '2509.22222']);
    expect(r.skipped).toEqual([
      { reason: 'no valid arXiv id (not-an-id)', index: 2 },
      { reason: 'no title (2509.11111)', index: 3 },
      { reason: 'not an object (null)', index: 4 },
      { reason: 'not an object (string)', index: 5 },
    ]);
  });

  it('takes the Daily Papers date from submittedOnDailyAt when no date is given', () => {
    expect(r.batchDate).toBe('2025-09-30');
    expect(r.announced).toBe('2025-09-30');
  });

  it('fills hf info with http(s) URLs only', () => {
    expect(byId(r, '2509.24006')).toEqual({
      id: '2509.24006',
      title:
        'SLA: Beyond Sparsity in Diffusion Transformers via Fine-Tunable Sparse-Linear Attention',
      authors: ['Jintao Zhang', 'Haoxu Wang'],
      abstract: 'In Diffusion Transformer (DiT) models, attention latency is a bottleneck.',
      hf: {
        upvotes: 78,
        githubRepo: 'https://github.com/thu-ml/SLA',
        aiSummary: 'SLA combines sparse and linear attention.',
        dailyDate: '2025-09-30',
      },
    });
    expect(byId(r, '2509.25190').hf).toEqual({
      upvotes: 24,
      githubRepo: 'https://github.com/penghao-wu/visual_jigsaw',
      projectPage: 'https://penghao-wu.github.io/visual_jigsaw/',
      aiSummary: 'Visual Jigsaw improves multimodal models.',
      dailyDate: '2025-09-30',
    });
  });

  it('falls back to the outer item and drops invalid values', () => {
    expect(byId(r, '2509.22222')).toEqual({
      id: '2509.22222',
      title: 'Outer Fields Only Used As Fallback',
      authors: [],
      abstract: 'The summary comes from the outer item.',
    });
  });

  it('uses the date the caller asked for', () => {
    const asked = parseHfDailyApi(json, '2025-10-01');
    expect(asked.batchDate).toBe('2025-10-01');
    expect(byId(asked, '2509.24006').hf?.dailyDate).toBe('2025-10-01');
    expect(parseHfDailyApi(json, 'bogus').batchDate).toBe('2025-09-30');
  });

  it('parses a JSON string too', () => {
    expect(parseHfDailyApi(readFixture('hf-daily-api.json')).ids).toEqual(r.ids);
  });

  it.each([
    [undefined, 'not an array of papers (undefined)'],
    [null, 'not an array of papers (null)'],
    [{ error: 'Not found' }, 'not an array of papers (object)'],
    [42, 'not an array of papers (number)'],
    ['[{"paper": {"id": "2509.2', 'not JSON'],
  ])('%j → empty with a reason', (input, reason) => {
    expect(parseHfDailyApi(input)).toEqual({
      papers: [],
      skipped: [{ reason, index: -1 }],
      ids: [],
    });
  });

  it('reads an empty day', () => {
    expect(parseHfDailyApi([])).toEqual({ papers: [], skipped: [], ids: [] });
  });

  it('survives hostile objects: throwing getters, wrong types, huge strings', () => {
    const throwing = {
      get paper(): unknown {
        throw new Error('boom');
      },
    };
    const huge = {
      paper: {
        id: '2509.00001',
        title: 't'.repeat(50_000),
        summary: 's'.repeat(50_000),
        ai_summary: 'a'.repeat(50_000),
        authors: Array.from({ length: 3000 }, (_, k) => ({ name: `N${k}` })),
        upvotes: 1e300,
        githubRepo: `https://github.com/${'x'.repeat(5000)}`,
      },
    };
    const out = parseHfDailyApi([throwing, huge, { paper: { id: 7, title: 1 } }]);
    expect(out.skipped.map((s) => s.reason)).toEqual([
      'malformed entry',
      'no valid arXiv id (number)',
    ]);
    const p = byId(out, '2509.00001');
    expect(p.title).toHaveLength(LIMITS.title);
    expect(p.abstract).toHaveLength(LIMITS.abstract);
    expect(p.hf?.aiSummary).toHaveLength(LIMITS.hfText);
    expect(p.authors).toHaveLength(LIMITS.authors);
    expect(p.hf?.upvotes).toBeUndefined();
    expect(p.hf?.githubRepo).toBeUndefined();
  });
});
