// @vitest-environment node
/**
 * The parsers' catch-alls stay (a parser must never throw into the service worker), but an error
 * they catch must be visible: it gives one of CATCH_ALL_REASONS, which the fuzz tests require never
 * to appear. Here each catch-all is made to fire, so a renamed reason cannot hide a crash there.
 */
import { CATCH_ALL_REASONS, readFixture } from '@/tests/unit/background/feeds/load';
import { parseArxivApi } from '@/utils/background/feeds/arxivApi';
import { parseArxivRss } from '@/utils/background/feeds/arxivRss';
import { parseHfDailyApi } from '@/utils/background/feeds/hfApi';
import * as xml from '@/utils/background/feeds/xml';

/** Which xml helper throws: parseXml on any input, childText on an `<entry>`'s title. */
const broken = vi.hoisted(() => ({ parseXml: false, childText: false }));

vi.mock('@/utils/background/feeds/xml', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/utils/background/feeds/xml')>();
  return {
    ...original,
    parseXml: (text: string) => {
      if (broken.parseXml) throw new Error('parser bug');
      return original.parseXml(text);
    },
    childText: (...args: Parameters<typeof original.childText>) => {
      if (broken.childText && args[0]?.local === 'entry' && args[1] === 'title') {
        throw new Error('entry bug');
      }
      return original.childText(...args);
    },
  };
});

afterEach(() => {
  broken.parseXml = false;
  broken.childText = false;
});

const nothing = (reason: string) => ({ papers: [], skipped: [{ reason, index: -1 }], ids: [] });

describe('the parsers’ catch-alls', () => {
  it('the mock breaks nothing by itself', () => {
    expect(xml.parseXml('<a/>').root?.name).toBe('a');
    expect(parseArxivRss(readFixture('arxiv-atom-2025.xml')).ids).toHaveLength(3);
  });

  it('a whole-feed error gives "unreadable feed" / "unreadable response"', () => {
    broken.parseXml = true;
    expect(parseArxivRss(readFixture('arxiv-rss-2024.xml'))).toEqual(nothing('unreadable feed'));
    expect(parseArxivApi(readFixture('arxiv-api-2025.xml'))).toEqual(
      nothing('unreadable response'),
    );
    const items = new Proxy([], {
      get(target, key) {
        if (key === 'length') throw new Error('parser bug');
        return Reflect.get(target, key);
      },
    });
    expect(parseHfDailyApi(items)).toEqual(nothing('unreadable response'));
  });

  it('an error inside one entry skips that entry as "malformed entry"', () => {
    broken.childText = true;
    const atom = parseArxivRss(readFixture('arxiv-atom-2025.xml'));
    expect(atom.papers).toEqual([]);
    expect(atom.skipped.map((skip) => skip.reason)).toEqual(Array(3).fill('malformed entry'));
    expect(parseArxivApi(readFixture('arxiv-api-2016.xml')).skipped[0]?.reason).toBe(
      'malformed entry',
    );
  });

  it('the reasons are the ones the fuzz tests look for', () => {
    expect(CATCH_ALL_REASONS.sort()).toEqual(
      ['malformed entry', 'unreadable feed', 'unreadable response'].sort(),
    );
  });
});
