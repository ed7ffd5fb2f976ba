import { parse, readFixture } from '@/tests/unit/content/adapters/load';
import { adapters, findAdapter } from '@/utils/content/adapters';
import type { SiteAdapter } from '@/utils/content/adapters/adapter';
import { arxivAbs } from '@/utils/content/adapters/arxivAbs';
import { arxivCatchup } from '@/utils/content/adapters/arxivCatchup';
import { arxivHtml } from '@/utils/content/adapters/arxivHtml';
import { arxivListing } from '@/utils/content/adapters/arxivListing';
import { arxivSearch } from '@/utils/content/adapters/arxivSearch';
import { hfDaily } from '@/utils/content/adapters/hfDaily';
import { hfPaperPage } from '@/utils/content/adapters/hfPaper';

describe('findAdapter', () => {
  it.each<[string, SiteAdapter]>([
    ['https://arxiv.org/list/quant-ph/new', arxivListing],
    ['https://arxiv.org/list/cs/2301?skip=0&show=3', arxivListing],
    ['https://arxiv.org/list/cs/recent', arxivListing],
    ['https://arxiv.org/abs/2106.09608v2', arxivAbs],
    ['https://arxiv.org/abs/hep-th/9901001', arxivAbs],
    ['https://arxiv.org/catchup/cs.CL/2026-11-30', arxivCatchup],
    ['https://arxiv.org/html/2106.09608v2', arxivHtml],
    ['https://arxiv.org/search/?query=graph&searchtype=all', arxivSearch],
    ['https://arxiv.org/search/cs?query=graph&searchtype=title', arxivSearch],
    ['https://huggingface.co/papers', hfDaily],
    ['https://huggingface.co/papers?date=2024-08-01', hfDaily],
    ['https://huggingface.co/papers/date/2024-08-01', hfDaily],
    ['https://huggingface.co/papers/week/2026-W48', hfDaily],
    ['https://huggingface.co/papers/month/2026-11', hfDaily],
    ['https://huggingface.co/papers/trending', hfDaily],
    ['https://huggingface.co/papers/2407.21783', hfPaperPage],
  ])('%s → its adapter', (url, adapter) => {
    expect(findAdapter(new URL(url))).toBe(adapter);
  });

  it.each([
    'https://arxiv.org/',
    'https://arxiv.org/pdf/2106.09608',
    'https://arxiv.org/list/cs',
    'https://huggingface.co/papers/2407.21783/community',
    'https://huggingface.co/papers/week/2026-11',
    'https://huggingface.co/models',
    'https://example.com/list/cs/new',
    'file:///list/cs/new',
    'about:blank',
  ])('%s → none', (url) => {
    expect(findAdapter(new URL(url))).toBeUndefined();
  });

  it('has seven adapters with distinct names', () => {
    expect(new Set(adapters.map((a) => a.name)).size).toBe(7);
  });

  it('treats a throwing matcher as no match', () => {
    const url = new URL('https://arxiv.org/list/cs/new');
    const spy = vi.spyOn(arxivListing, 'matches').mockImplementation(() => {
      throw new Error('boom');
    });
    try {
      expect(findAdapter(url)).toBeUndefined();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('page reading rules', () => {
  const pages: [string, string][] = [
    ['arxiv-list-new-2024.html', 'https://arxiv.org/list/quant-ph/new'],
    ['arxiv-list-new-current.html', 'https://arxiv.org/list/cs.CL/new'],
    ['arxiv-list-recent-current.html', 'https://arxiv.org/list/cs/recent'],
    ['arxiv-abs.html', 'https://arxiv.org/abs/2106.09608'],
    ['arxiv-abs-nometa.html', 'https://arxiv.org/abs/hep-th/9901001'],
    ['arxiv-search.html', 'https://arxiv.org/search/?query=graph'],
    ['hf-daily.html', 'https://huggingface.co/papers'],
    ['hf-daily-cards-only.html', 'https://huggingface.co/papers'],
    ['hf-daily.html', 'https://huggingface.co/papers/week/2026-W48'],
    ['hf-paper.html', 'https://huggingface.co/papers/2409.00077'],
  ];

  /** Replaces layout reads, innerHTML/outerHTML and innerText with traps that record their use. */
  function trap(touched: string[]): () => void {
    const restore: (() => void)[] = [];
    const targets: [object, string[]][] = [
      [
        HTMLElement.prototype,
        ['innerText', 'outerText', 'offsetHeight', 'offsetWidth', 'offsetTop', 'offsetLeft'],
      ],
      [
        Element.prototype,
        [
          'innerHTML',
          'outerHTML',
          'clientHeight',
          'clientWidth',
          'scrollHeight',
          'scrollWidth',
          'getBoundingClientRect',
          'getClientRects',
          'insertAdjacentHTML',
        ],
      ],
    ];
    for (const [proto, names] of targets) {
      for (const name of names) {
        const original = Object.getOwnPropertyDescriptor(proto, name);
        Object.defineProperty(proto, name, {
          configurable: true,
          get() {
            touched.push(name);
            return () => 0;
          },
          set() {
            touched.push(name);
          },
        });
        restore.push(() => {
          if (original) Object.defineProperty(proto, name, original);
          else delete (proto as Record<string, unknown>)[name];
        });
      }
    }
    const gcs = window.getComputedStyle;
    window.getComputedStyle = (...args) => {
      touched.push('getComputedStyle');
      return gcs(...args);
    };
    restore.push(() => {
      window.getComputedStyle = gcs;
    });
    return () => {
      for (const undo of restore) undo();
    };
  }

  it('reads no layout and no HTML, only text', () => {
    const docs = pages.map(([file, url]) => [parse(readFixture(file)), new URL(url)] as const);
    const touched: string[] = [];
    const counts: number[] = [];
    const untrap = trap(touched);
    try {
      for (const [doc, url] of docs)
        counts.push(findAdapter(url)?.scan(doc, url).entries.length ?? -1);
    } finally {
      untrap();
    }
    expect(touched).toEqual([]);
    expect(counts.every((n) => n > 0)).toBe(true);
  });

  it('does not change the page', () => {
    for (const [file, url] of pages) {
      const doc = parse(readFixture(file));
      const before = doc.documentElement.outerHTML;
      findAdapter(new URL(url))?.scan(doc, new URL(url));
      expect(doc.documentElement.outerHTML).toBe(before);
    }
  });

  it('reports only http(s) source URLs', () => {
    for (const [file, url] of pages) {
      const scan = findAdapter(new URL(url))?.scan(parse(readFixture(file)), new URL(url));
      expect(scan?.source.url).toBe(url);
    }
    const odd = arxivListing.scan(parse(''), new URL('file:///list/cs/new'));
    expect(odd.source.url).toBe('');
  });
});
