import { JSDOM } from 'jsdom';
import { detectedPaper } from '@/tests/helpers/papers';
import { keepShadowRoots } from '@/tests/helpers/shadowRoots';
import { userClick, userKey } from '@/tests/helpers/userClick';
import type { DetectedEntry } from '@/utils/content/adapters/adapter';
import type { MarkActions } from '@/utils/content/pageMarks';
import { startPageSession } from '@/utils/content/pageSession';
import type { PaperStatus } from '@/utils/shared/protocol';

/**
 * A listing with its marks, the Paperlight bar and the keyboard. Papers 1–5: 1 new, 2 seen
 * before, 3 new and matching, 4 seen and matching, 5 new and dismissed.
 */

let roots: Map<Element, ShadowRoot>;
const IDS = ['2411.00001', '2411.00002', '2411.00003', '2411.00004', '2411.00005'];
const match = {
  score: 0.9,
  matched: true,
  reasons: ['keyword: diffusion'],
  learned: [],
  coldStart: true,
};

function status(id: string, fields: Partial<PaperStatus> = {}): PaperStatus {
  return {
    id,
    saved: false,
    seenBefore: false,
    opened: false,
    dismissed: false,
    hasCode: false,
    ...fields,
  };
}

const STATUSES = [
  status(IDS[0] as string),
  status(IDS[1] as string, { seenBefore: true }),
  status(IDS[2] as string, { relevance: match }),
  status(IDS[3] as string, { seenBefore: true, relevance: match }),
  status(IDS[4] as string, { dismissed: true }),
];

let document: Document;

/** Each test's listing is a page of its own (a session listens for keys on its document). */
function open(statuses = STATUSES) {
  const dom = new JSDOM('', { url: 'https://arxiv.org/list/cs.CL/new' });
  const view = dom.window as unknown as Window & typeof globalThis;
  roots = keepShadowRoots(view);
  view.Element.prototype.scrollIntoView = vi.fn();
  document = view.document;
  document.body.innerHTML = `<input id="search"><div contenteditable="true" id="note"></div><dl>${IDS.map(
    (id) => `<dt id="dt-${id}"><a title="Abstract">arXiv:${id}</a></dt><dd id="dd-${id}">…</dd>`,
  ).join('')}</dl>`;
  const entries: DetectedEntry[] = IDS.map((id) => {
    const dt = document.getElementById(`dt-${id}`) as Element;
    return {
      paper: detectedPaper(id),
      anchor: dt,
      shownIn: [dt, document.getElementById(`dd-${id}`) as Element],
    };
  });
  const actions = {
    setSaved: vi.fn(async (id: string, saved: boolean) => status(id, { saved })),
    setDismissed: vi.fn(async (id: string, dismissed: boolean) => status(id, { dismissed })),
    setLiked: vi.fn(async () => ({})),
    followAuthor: vi.fn(async () => ({})),
  } satisfies MarkActions;
  const navigate = vi.fn();
  const session = startPageSession(document, entries, statuses, actions, navigate);
  const bar = document.querySelector('paperlight-bar') as Element;
  const barRoot = roots.get(bar) as ShadowRoot;
  const barButton = (name: string) =>
    Array.from(barRoot.querySelectorAll('button')).find(
      (button) => button.textContent === name,
    ) as HTMLButtonElement;
  return { session, actions, navigate, barRoot, barButton };
}

const shownIds = () =>
  IDS.filter((id) => !document.getElementById(`dt-${id}`)?.hasAttribute('data-paperlight-hide'));
const cursorId = () => document.querySelector('dt[data-paperlight-cur]')?.id.slice(3);
const count = (barRoot: ShadowRoot) => barRoot.querySelector('span')?.textContent;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the Paperlight bar on a listing', () => {
  it('counts the matches and shows every paper at first, in a fixed bar of its own', () => {
    const { barRoot, barButton } = open();
    expect(count(barRoot)).toBe('2 matches');
    expect(shownIds()).toEqual(IDS);
    expect(barButton('Hide seen')).toHaveAttribute('aria-pressed', 'false');
    expect(barRoot.querySelector('style')?.textContent).toContain('position:fixed');
    expect(barRoot.querySelector('button[title]')?.getAttribute('title')).toMatch(
      /j \/ k .*s save.*x not interested.*o open/,
    );
  });

  it('"Hide seen" hides papers seen before and dismissed ones; "Only matches" hides non-matches', () => {
    const { barButton } = open();
    userClick(barButton('Hide seen'));
    expect(barButton('Hide seen')).toHaveAttribute('aria-pressed', 'true');
    expect(shownIds()).toEqual(['2411.00001', '2411.00003']);
    expect(document.getElementById('dd-2411.00002')).toHaveAttribute('data-paperlight-hide');
    userClick(barButton('Only matches'));
    expect(shownIds()).toEqual(['2411.00003']);
    userClick(barButton('Hide seen'));
    expect(shownIds()).toEqual(['2411.00003', '2411.00004']);
    userClick(barButton('Only matches'));
    expect(shownIds()).toEqual(IDS);
  });

  it('ignores clicks a script makes on its toggles', () => {
    const { barButton } = open();
    barButton('Hide seen').click();
    expect(shownIds()).toEqual(IDS);
  });

  it('updates marks, filters and the count in place when statuses change', () => {
    const { session, barRoot, barButton } = open();
    userClick(barButton('Only matches'));
    session?.update([status('2411.00001', { relevance: match }), status('2411.00003')]);
    expect(count(barRoot)).toBe('2 matches');
    expect(shownIds()).toEqual(['2411.00001', '2411.00004']);
    expect(session?.ids).toEqual(IDS);
  });
});

describe('keys on a listing', () => {
  it('j / k move through the papers with a visible cursor and focus; s saves, x dismisses, o opens', async () => {
    const { actions, navigate } = open();
    userKey(document, 'j');
    expect(cursorId()).toBe('2411.00001');
    expect(document.getElementById('dd-2411.00001')).toHaveAttribute('data-paperlight-cur');
    expect(document.activeElement?.localName).toBe('paperlight-mark');
    userKey(document, 'j');
    userKey(document, 'j');
    expect(cursorId()).toBe('2411.00003');
    userKey(document, 'k');
    expect(cursorId()).toBe('2411.00002');
    expect(document.querySelectorAll('[data-paperlight-cur]')).toHaveLength(2);
    userKey(document, 's');
    expect(actions.setSaved).toHaveBeenCalledWith('2411.00002', true);
    userKey(document, 'x');
    expect(actions.setDismissed).toHaveBeenCalledWith('2411.00002', true);
    await vi.waitFor(() =>
      expect(document.getElementById('dt-2411.00002')).toHaveAttribute('data-paperlight-dim'),
    );
    // The cursor's mark shows its × (made when the cursor reached it), pressed.
    const cursorMark = document.querySelector('paperlight-mark[data-paperlight-id="2411.00002"]');
    expect(roots.get(cursorMark as Element)?.querySelector('button.x')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    userKey(document, 'x');
    expect(actions.setDismissed).toHaveBeenLastCalledWith('2411.00002', false);
    userKey(document, 'o');
    expect(navigate).toHaveBeenCalledWith('https://arxiv.org/abs/2411.00002');
  });

  it('with "Only matches" on, j / k visit the matches only', () => {
    const { barButton } = open();
    userClick(barButton('Only matches'));
    userKey(document, 'j');
    expect(cursorId()).toBe('2411.00003');
    userKey(document, 'j');
    expect(cursorId()).toBe('2411.00004');
    userKey(document, 'j');
    expect(cursorId()).toBe('2411.00004');
    userKey(document, 'k');
    expect(cursorId()).toBe('2411.00003');
  });

  it('are ignored in text fields, with modifier keys, and when a script sends them', () => {
    const { actions } = open();
    userKey(document.getElementById('search') as Element, 'j');
    userKey(document.getElementById('note') as Element, 'j');
    userKey(document, 'j', { ctrlKey: true });
    userKey(document, 'j', { altKey: true });
    const KeyboardEvent = document.defaultView?.KeyboardEvent as typeof globalThis.KeyboardEvent;
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    expect(cursorId()).toBeUndefined();
    userKey(document, 'j');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true }));
    expect(actions.setSaved).not.toHaveBeenCalled();
    expect(actions.setDismissed).not.toHaveBeenCalled();
    (document.getElementById('search') as HTMLInputElement).focus();
    userKey(document.getElementById('search') as Element, 's');
    expect(actions.setSaved).not.toHaveBeenCalled();
  });
});
