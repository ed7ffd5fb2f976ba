import { detectedPaper } from '@/tests/helpers/papers';
import { keepShadowRoots } from '@/tests/helpers/shadowRoots';
import { userClick, userHover } from '@/tests/helpers/userClick';
import type { DetectedEntry } from '@/utils/content/adapters/adapter';
import { type MarkActions, renderPageMarks } from '@/utils/content/pageMarks';
import type { PaperStatus } from '@/utils/shared/protocol';
import type { Relevance } from '@/utils/shared/ranking/types';

let roots: Map<Element, ShadowRoot>;

beforeEach(() => {
  roots = keepShadowRoots();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function listing(ids: string[]): { doc: Document; entries: DetectedEntry[] } {
  const doc = document;
  doc.getElementById('paperlight-style')?.remove();
  doc.body.innerHTML = `<dl>${ids.map((id) => `<dt id="dt-${id}"><a title="Abstract">arXiv:${id}</a></dt><dd id="dd-${id}">…</dd>`).join('')}</dl>`;
  const entries = ids.map((id) => {
    const dt = doc.getElementById(`dt-${id}`) as Element;
    const dd = doc.getElementById(`dd-${id}`) as Element;
    return {
      paper: { ...detectedPaper(id), authors: ['Yoshua Bengio', 'Chloé Moreau'] },
      anchor: dt,
      shownIn: [dt, dd],
    };
  });
  return { doc, entries };
}

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

function relevance(fields: Partial<Relevance> = {}): Relevance {
  return { score: 0.8, matched: true, reasons: [], learned: [], coldStart: true, ...fields };
}

/** The background as the marks see it: answers with the state asked for. */
function actions(
  overrides: Partial<MarkActions> = {},
): MarkActions & Record<string, ReturnType<typeof vi.fn>> {
  return {
    setSaved: vi.fn(async (id: string, saved: boolean) => status(id, { saved })),
    setDismissed: vi.fn(async (id: string, dismissed: boolean) => status(id, { dismissed })),
    setLiked: vi.fn(async () => ({})),
    followAuthor: vi.fn(async (_id: string, author: string) => ({ following: [author] })),
    ...overrides,
  } as MarkActions & Record<string, ReturnType<typeof vi.fn>>;
}

const host = (doc: Document, id: string) =>
  doc.querySelector(`paperlight-mark[data-paperlight-id="${id}"]`);
/** The mark's shadow root (closed: kept by the test's wrapper of attachShadow). */
const root = (doc: Document, id: string) => {
  const element = host(doc, id);
  return element ? roots.get(element) : undefined;
};
const button = (doc: Document, id: string) =>
  root(doc, id)?.querySelector<HTMLButtonElement>('button.s') ?? null;
const labels = (doc: Document, id: string) =>
  Array.from(root(doc, id)?.querySelectorAll<HTMLElement>('b') ?? [])
    .filter((label) => !label.hidden)
    .map((label) => label.textContent);
/** "Seen" shows on papers first seen before today, unless saved. */
const showsSeen = (doc: Document, id: string) => labels(doc, id).includes('Seen');

describe('renderPageMarks', () => {
  it('shows a save toggle on every paper, reading "Seen" only on papers seen before today', () => {
    const { doc, entries } = listing(['2411.00001', '2411.00002', '2411.00003']);
    const marks = renderPageMarks(
      doc,
      entries,
      [
        status('2411.00001'),
        status('2411.00002', { seenBefore: true }),
        status('2411.00003', { saved: true, seenBefore: true }),
      ],
      actions(),
    );
    expect(marks).toHaveLength(3);
    expect(button(doc, '2411.00001')).toHaveAccessibleName('Save in Paperlight');
    expect(button(doc, '2411.00001')).toHaveAttribute('aria-pressed', 'false');
    expect(button(doc, '2411.00001')?.textContent).toBe('☆ Save');
    // The marks add no text to the page, so reading the page again reads what the page says.
    expect(doc.querySelector('dl')?.textContent).toBe(
      'arXiv:2411.00001…arXiv:2411.00002…arXiv:2411.00003…',
    );
    expect(showsSeen(doc, '2411.00001')).toBe(false);
    expect(labels(doc, '2411.00001')).toEqual(['New']);
    expect(showsSeen(doc, '2411.00002')).toBe(true);
    expect(button(doc, '2411.00002')?.title).toMatch(/saw this paper before today/);
    expect(button(doc, '2411.00003')).toHaveAttribute('aria-pressed', 'true');
    expect(button(doc, '2411.00003')?.textContent).toBe('★ Saved');
    expect(button(doc, '2411.00003')?.title).toMatch(/click to unsave/);
    // A saved paper shows "Saved", not also "Seen".
    expect(showsSeen(doc, '2411.00003')).toBe(false);
    expect(doc.querySelectorAll('#paperlight-style')).toHaveLength(1);
  });

  it('keeps its buttons and style in a closed shadow root', () => {
    const { doc, entries } = listing(['2411.00001']);
    renderPageMarks(doc, entries, [status('2411.00001')], actions());
    const mark = host(doc, '2411.00001') as HTMLElement;
    expect(mark.shadowRoot).toBeNull();
    expect(doc.querySelector('button')).toBeNull();
    expect(root(doc, '2411.00001')?.querySelector('style')?.textContent).toContain(':host');
  });

  it('shows opened, code, the matches (in the tooltip and the accessible name) and relevance', () => {
    const { doc, entries } = listing(['2411.00001', '2411.00002']);
    renderPageMarks(
      doc,
      entries,
      [
        status('2411.00001', {
          opened: true,
          hasCode: true,
          relevance: relevance({
            score: 0.72,
            reasons: ['author: Y. Bengio', 'keyword: diffusion'],
            learned: [{ feature: 'w:survey', label: 'survey', weight: -0.4 }],
            coldStart: false,
          }),
        }),
        status('2411.00002', { relevance: relevance({ score: 0.1, matched: false }) }),
      ],
      actions(),
    );
    expect(labels(doc, '2411.00001')).toEqual(['New', 'Opened', 'Code', 'Match']);
    expect(button(doc, '2411.00001')).toHaveAccessibleName(
      'Save in Paperlight — matches: author: Y. Bengio, keyword: diffusion',
    );
    expect(button(doc, '2411.00001')?.title).toMatch(
      /Matches: author: Y\. Bengio, keyword: diffusion/,
    );
    const match = root(doc, '2411.00001')?.querySelector<HTMLElement>('b.t');
    expect(match?.title).toBe('Matches author: Y. Bengio, keyword: diffusion');
    // The dot is drawn by the mark's box, whose tooltip explains the relevance.
    const box = root(doc, '2411.00001')?.querySelector<HTMLElement>('.m');
    expect(box?.title).toBe('Relevance 72%; learned: −survey');
    // Five strengths of dot: 72% is the fourth, 10% the faintest.
    expect(box?.classList.contains('r3')).toBe(true);
    expect(root(doc, '2411.00002')?.querySelector('.m')?.classList.contains('r0')).toBe(true);
    expect(labels(doc, '2411.00002')).toEqual(['New']);
    expect(button(doc, '2411.00002')).toHaveAccessibleName('Save in Paperlight');
  });

  it('says when relevance comes from interests only, and which exclusion ruled a paper out', () => {
    const { doc, entries } = listing(['2411.00001']);
    renderPageMarks(
      doc,
      entries,
      [
        status('2411.00001', {
          relevance: relevance({ score: 0, matched: false, excludedBy: 'survey' }),
        }),
      ],
      actions(),
    );
    expect(root(doc, '2411.00001')?.querySelector<HTMLElement>('.m')?.title).toBe(
      'Relevance 0%; excluded: survey (from your interests; still learning)',
    );
  });

  it('saves on click and keeps the new state when the background agrees', async () => {
    const { doc, entries } = listing(['2411.00001']);
    const background = actions();
    renderPageMarks(doc, entries, [status('2411.00001', { seenBefore: true })], background);
    userClick(button(doc, '2411.00001') as HTMLButtonElement);
    expect(background.setSaved).toHaveBeenCalledWith('2411.00001', true);
    await vi.waitFor(() =>
      expect(button(doc, '2411.00001')).toHaveAttribute('aria-pressed', 'true'),
    );
    expect(showsSeen(doc, '2411.00001')).toBe(false);
    userClick(button(doc, '2411.00001') as HTMLButtonElement);
    expect(background.setSaved).toHaveBeenLastCalledWith('2411.00001', false);
    await vi.waitFor(() =>
      expect(button(doc, '2411.00001')).toHaveAttribute('aria-pressed', 'false'),
    );
    await vi.waitFor(() => expect(showsSeen(doc, '2411.00001')).toBe(false));
  });

  it('reverts the toggle when saving fails', async () => {
    const { doc, entries } = listing(['2411.00001']);
    renderPageMarks(
      doc,
      entries,
      [status('2411.00001')],
      actions({ setSaved: () => Promise.reject(new Error('background gone')) }),
    );
    userClick(button(doc, '2411.00001') as HTMLButtonElement);
    expect(button(doc, '2411.00001')).toHaveAttribute('aria-pressed', 'true');
    await vi.waitFor(() =>
      expect(button(doc, '2411.00001')).toHaveAttribute('aria-pressed', 'false'),
    );
  });

  it('"not interested" (×) dims the mark and the entry, and undoes', async () => {
    const { doc, entries } = listing(['2411.00001']);
    const background = actions();
    renderPageMarks(doc, entries, [status('2411.00001')], background);
    userHover(button(doc, '2411.00001') as HTMLButtonElement);
    const dismiss = root(doc, '2411.00001')?.querySelector('button.x') as HTMLButtonElement;
    expect(dismiss).toHaveAccessibleName('Not interested');
    userClick(dismiss);
    expect(background.setDismissed).toHaveBeenCalledWith('2411.00001', true);
    await vi.waitFor(() => expect(dismiss).toHaveAttribute('aria-pressed', 'true'));
    expect(doc.getElementById('dt-2411.00001')).toHaveAttribute('data-paperlight-dim');
    expect(doc.getElementById('dd-2411.00001')).toHaveAttribute('data-paperlight-dim');
    userClick(dismiss);
    expect(background.setDismissed).toHaveBeenLastCalledWith('2411.00001', false);
    await vi.waitFor(() => expect(dismiss).toHaveAttribute('aria-pressed', 'false'));
    expect(doc.getElementById('dt-2411.00001')).not.toHaveAttribute('data-paperlight-dim');
  });

  it('the ⋯ menu sends "more like this" and "follow <author>" for the paper\'s authors', async () => {
    const { doc, entries } = listing(['2411.00001']);
    const background = actions();
    renderPageMarks(doc, entries, [status('2411.00001')], background);
    const shadow = root(doc, '2411.00001') as ShadowRoot;
    userHover(button(doc, '2411.00001') as HTMLButtonElement);
    const more = shadow.querySelector('button.u') as HTMLButtonElement;
    expect(more).toHaveAttribute('aria-expanded', 'false');
    userClick(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    const items = Array.from(shadow.querySelectorAll<HTMLButtonElement>('[role="menuitem"]'));
    expect(items.map((item) => item.textContent)).toEqual([
      'More like this',
      'Follow Yoshua Bengio',
      'Follow Chloé Moreau',
    ]);
    items[1]?.click();
    expect(background.followAuthor).not.toHaveBeenCalled();
    userClick(items[0] as HTMLButtonElement);
    userClick(items[2] as HTMLButtonElement);
    expect(background.setLiked).toHaveBeenCalledWith('2411.00001');
    expect(background.followAuthor).toHaveBeenCalledWith('2411.00001', 'Chloé Moreau');
    await vi.waitFor(() => expect(items[2]?.textContent).toBe('✓ Follow Chloé Moreau'));
  });

  it("adds × and ⋯ when the pointer first reaches a mark, not for a script's events", () => {
    const { doc, entries } = listing(['2411.00001', '2411.00002']);
    renderPageMarks(
      doc,
      entries,
      [status('2411.00001', { dismissed: true }), status('2411.00002')],
      actions(),
    );
    const controls = (id: string) =>
      Array.from(root(doc, id)?.querySelectorAll('button') ?? []).map((b) => b.className);
    expect(controls('2411.00001')).toEqual(['s']);
    const save = button(doc, '2411.00001') as HTMLButtonElement;
    save.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    expect(controls('2411.00001')).toEqual(['s']);
    userHover(save);
    expect(controls('2411.00001')).toEqual(['s', 'x', 'u']);
    // Drawn in the paper's state, and only once.
    expect(root(doc, '2411.00001')?.querySelector('button.x')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    userHover(save);
    expect(controls('2411.00001')).toEqual(['s', 'x', 'u']);
    expect(controls('2411.00002')).toEqual(['s']);
  });

  it('does not add a second set of marks when run again, and skips entries without an anchor', () => {
    const { doc, entries } = listing(['2411.00001']);
    const statuses = [status('2411.00001')];
    renderPageMarks(doc, entries, statuses, actions());
    renderPageMarks(doc, entries, [status('2411.00001', { saved: true })], actions());
    expect(doc.querySelectorAll('paperlight-mark')).toHaveLength(1);
    expect(button(doc, '2411.00001')).toHaveAttribute('aria-pressed', 'true');
    expect(
      renderPageMarks(doc, [{ paper: detectedPaper('2411.00009'), anchor: null }], [], actions()),
    ).toHaveLength(0);
  });

  it('matches statuses to papers by id when they come in another order', () => {
    const { doc, entries } = listing(['2411.00001', '2411.00002', '2411.00003']);
    const marks = renderPageMarks(
      doc,
      entries,
      [status('2411.00003', { saved: true }), status('2411.00001', { seenBefore: true })],
      actions(),
    );
    expect(marks).toHaveLength(2);
    expect(button(doc, '2411.00003')).toHaveAttribute('aria-pressed', 'true');
    expect(showsSeen(doc, '2411.00001')).toBe(true);
    expect(button(doc, '2411.00002')).toBeNull();
  });

  it("acts only on the user's own clicks: a script's click() or dispatchEvent does nothing", async () => {
    const { doc, entries } = listing(['2411.00001']);
    const background = actions();
    renderPageMarks(doc, entries, [status('2411.00001', { saved: true })], background);
    const real = button(doc, '2411.00001') as HTMLButtonElement;
    real.click();
    real.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    (host(doc, '2411.00001') as HTMLElement).click();
    expect(background.setSaved).not.toHaveBeenCalled();
    expect(real).toHaveAttribute('aria-pressed', 'true');
    // The user's click still works.
    userClick(real);
    expect(background.setSaved).toHaveBeenCalledWith('2411.00001', false);
  });

  it('ignores a toggle the page made, or a copy of a mark, even when the user clicks it', () => {
    const { doc, entries } = listing(['2411.00001']);
    const background = actions();
    renderPageMarks(doc, entries, [status('2411.00001')], background);
    const fake = doc.createElement('button');
    fake.className = 'paperlight-save s';
    fake.setAttribute('data-paperlight-id', 'url:https://example.com/x');
    fake.setAttribute('aria-pressed', 'true');
    doc.body.append(fake);
    fake.click();
    userClick(fake);
    // A copy of a real mark is the page's element too, and has no buttons.
    const copy = host(doc, '2411.00001')?.cloneNode(true) as HTMLElement;
    doc.body.append(copy);
    userClick(copy);
    expect(background.setSaved).not.toHaveBeenCalled();
    expect(fake).toHaveAttribute('aria-pressed', 'true');
  });

  it("saves the paper it marked, whatever the page wrote into the mark's attributes", async () => {
    const { doc, entries } = listing(['2411.00001']);
    const background = actions();
    renderPageMarks(doc, entries, [status('2411.00001')], background);
    host(doc, '2411.00001')?.setAttribute('data-paperlight-id', 'url:https://example.com/x');
    const real = roots
      .get(doc.querySelector('paperlight-mark') as Element)
      ?.querySelector('button.s') as HTMLButtonElement;
    userClick(real);
    expect(background.setSaved).toHaveBeenCalledWith('2411.00001', true);
    await vi.waitFor(() => expect(real).toHaveAttribute('aria-pressed', 'true'));
  });

  it("acts on a click inside its toggle, and leaves the page's own elements alone", () => {
    const { doc, entries } = listing(['2411.00001']);
    const background = actions();
    const statuses = [status('2411.00001')];
    renderPageMarks(doc, entries, statuses, background);
    const inner = doc.createElement('span');
    button(doc, '2411.00001')?.append(inner);
    userClick(inner);
    expect(background.setSaved).toHaveBeenCalledWith('2411.00001', true);
    const pages = doc.createElement('span');
    pages.className = 'paperlight-save';
    doc.getElementById('dt-2411.00001')?.append(pages);
    renderPageMarks(doc, entries, statuses, background);
    expect(pages.isConnected).toBe(true);
  });
});
