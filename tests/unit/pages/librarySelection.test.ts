import { libraryKeyAction } from '@/utils/pages/libraryKeys';
import { librarySnapshot, toggleSelection } from '@/utils/pages/librarySelection';
import type { PaperRecord } from '@/utils/shared/paperRecord';

const IDS = ['a', 'b', 'c', 'd', 'e'];

describe('toggleSelection', () => {
  it('a click toggles one paper', () => {
    const one = toggleSelection(new Set(), IDS, 'c', undefined, false);
    expect([...one]).toEqual(['c']);
    expect([...toggleSelection(one, IDS, 'c', 'c', false)]).toEqual([]);
  });

  it('a shift-click selects the range from the anchor, either direction', () => {
    expect([...toggleSelection(new Set(['b']), IDS, 'd', 'b', true)].sort()).toEqual([
      'b',
      'c',
      'd',
    ]);
    expect([...toggleSelection(new Set(['d']), IDS, 'a', 'd', true)].sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('a shift-click on a selected paper clears the range', () => {
    const all = new Set(IDS);
    expect([...toggleSelection(all, IDS, 'd', 'b', true)].sort()).toEqual(['a', 'e']);
  });

  it('without an anchor in the list, a shift-click selects just that paper', () => {
    expect([...toggleSelection(new Set(), IDS, 'c', 'gone', true)]).toEqual(['c']);
  });
});

describe('librarySnapshot', () => {
  it('keeps exactly the library fields that are set', () => {
    const paper = {
      id: '2611.00001',
      savedAt: 5,
      tagIds: ['t1'],
      readingState: 'read',
      note: 'n',
      title: 'x',
    } as PaperRecord;
    expect(librarySnapshot(paper)).toEqual({
      id: '2611.00001',
      savedAt: 5,
      tagIds: ['t1'],
      readingState: 'read',
      note: 'n',
    });
    expect(librarySnapshot({ id: '2611.00002', tagIds: [] } as unknown as PaperRecord)).toEqual({
      id: '2611.00002',
    });
  });
});

describe('libraryKeyAction', () => {
  const key = (
    k: string,
    mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
  ) => libraryKeyAction({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

  it.each([
    ['/', 'search'],
    ['j', 'next'],
    ['ArrowDown', 'next'],
    ['k', 'previous'],
    ['s', 'save'],
    ['x', 'dismiss'],
    ['t', 'tag'],
    ['n', 'note'],
    ['o', 'open'],
    ['Enter', 'details'],
    ['?', 'help'],
    ['Escape', 'close'],
  ])('%s → %s', (k, action) => {
    expect(key(k)).toBe(action);
  });

  it('Ctrl/⌘+Z undoes; other modified keys are the browser’s', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('z', { metaKey: true })).toBe('undo');
    expect(key('s', { ctrlKey: true })).toBeUndefined();
    expect(key('t', { altKey: true })).toBeUndefined();
    expect(key('q')).toBeUndefined();
  });
});
