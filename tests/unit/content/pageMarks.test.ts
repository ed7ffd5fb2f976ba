import { detectedPaper } from '@/tests/helpers/papers';
import { userClick } from '@/tests/helpers/userClick';
import type { DetectedEntry } from '@/utils/content/adapters/adapter';
import { renderPageMarks } from '@/utils/content/pageMarks';

function listing(ids: string[]): { doc: Document; entries: DetectedEntry[] } {
  const doc = document;
  doc.getElementById('paperlight-style')?.remove();
  doc.body.innerHTML = `<dl>${ids.map((id) => `<dt id="dt-${id}"><a title="Abstract">arXiv:${id}</a></dt><dd>…</dd>`).join('')}</dl>`;
  const entries = ids.map((id) => ({
    paper: detectedPaper(id),
    anchor: doc.getElementById(`dt-${id}`),
  }));
  return { doc, entries };
}

const button = (doc: Document, id: string) =>
  doc.querySelector<HTMLButtonElement>(`.paperlight-save[data-paperlight-id="${id}"]`);
/** The toggle's words come from its style sheet (checked in Chromium by the e2e suite); here the
 * state that picks them: "Seen · ☆ Save" for a paper seen before today, unless saved. */
const showsSeen = (doc: Document, id: string) => {
  const toggle = button(doc, id);
  return toggle?.dataset.seen === 'true' && toggle.getAttribute('aria-pressed') === 'false';
};

describe('renderPageMarks', () => {
  it('shows a save toggle on every paper, reading "Seen" only on papers seen before today', () => {
    const { doc, entries } = listing(['2411.00001', '2411.00002', '2411.00003']);
    const count = renderPageMarks(
      doc,
      entries,
      [
        {
          id: '2411.00001',
          saved: false,
          seenBefore: false,
          opened: false,
          dismissed: false,
          hasCode: false,
        },
        {
          id: '2411.00002',
          saved: false,
          seenBefore: true,
          opened: false,
          dismissed: false,
          hasCode: false,
        },
        {
          id: '2411.00003',
          saved: true,
          seenBefore: true,
          opened: false,
          dismissed: false,
          hasCode: false,
        },
      ],
      async (_id, saved) => saved,
    );
    expect(count).toBe(3);
    expect(button(doc, '2411.00001')).toHaveAccessibleName('Save in Paperlight');
    expect(button(doc, '2411.00001')).toHaveAttribute('aria-pressed', 'false');
    // The marks add no text to the page, so reading the page again reads what the page says.
    expect(doc.querySelector('dl')?.textContent).toBe(
      'arXiv:2411.00001…arXiv:2411.00002…arXiv:2411.00003…',
    );
    expect(showsSeen(doc, '2411.00001')).toBe(false);
    expect(showsSeen(doc, '2411.00002')).toBe(true);
    expect(button(doc, '2411.00002')?.title).toMatch(/saw this paper before today/);
    expect(button(doc, '2411.00003')).toHaveAttribute('aria-pressed', 'true');
    expect(button(doc, '2411.00003')?.title).toMatch(/click to unsave/);
    // A saved paper shows "Saved", not also "Seen".
    expect(showsSeen(doc, '2411.00003')).toBe(false);
    expect(doc.querySelectorAll('#paperlight-style')).toHaveLength(1);
  });

  it('saves on click and keeps the new state when the background agrees', async () => {
    const { doc, entries } = listing(['2411.00001']);
    const toggle = vi.fn(async (_id: string, saved: boolean) => saved);
    renderPageMarks(
      doc,
      entries,
      [
        {
          id: '2411.00001',
          saved: false,
          seenBefore: true,
          opened: false,
          dismissed: false,
          hasCode: false,
        },
      ],
      toggle,
    );
    userClick(button(doc, '2411.00001') as HTMLButtonElement);
    expect(toggle).toHaveBeenCalledWith('2411.00001', true);
    await vi.waitFor(() =>
      expect(button(doc, '2411.00001')).toHaveAttribute('aria-pressed', 'true'),
    );
    expect(showsSeen(doc, '2411.00001')).toBe(false);
    userClick(button(doc, '2411.00001') as HTMLButtonElement);
    expect(toggle).toHaveBeenLastCalledWith('2411.00001', false);
    await vi.waitFor(() =>
      expect(button(doc, '2411.00001')).toHaveAttribute('aria-pressed', 'false'),
    );
    expect(showsSeen(doc, '2411.00001')).toBe(true);
  });

  it('reverts the toggle when saving fails', async () => {
    const { doc, entries } = listing(['2411.00001']);
    renderPageMarks(
      doc,
      entries,
      [
        {
          id: '2411.00001',
          saved: false,
          seenBefore: false,
          opened: false,
          dismissed: false,
          hasCode: false,
        },
      ],
      () => Promise.reject(new Error('background gone')),
    );
    userClick(button(doc, '2411.00001') as HTMLButtonElement);
    await vi.waitFor(() =>
      expect(button(doc, '2411.00001')).toHaveAttribute('aria-pressed', 'false'),
    );
  });

  it('does not add a second set of marks when run again, and skips entries without an anchor', () => {
    const { doc, entries } = listing(['2411.00001']);
    const statuses = [
      {
        id: '2411.00001',
        saved: false,
        seenBefore: false,
        opened: false,
        dismissed: false,
        hasCode: false,
      },
    ];
    renderPageMarks(doc, entries, statuses, async (_id, saved) => saved);
    renderPageMarks(doc, entries, statuses, async (_id, saved) => saved);
    expect(doc.querySelectorAll('.paperlight-save')).toHaveLength(1);
    expect(
      renderPageMarks(
        doc,
        [{ paper: detectedPaper('2411.00009'), anchor: null }],
        [],
        async () => true,
      ),
    ).toBe(0);
  });

  it('matches statuses to papers by id when they come in another order', () => {
    const { doc, entries } = listing(['2411.00001', '2411.00002', '2411.00003']);
    const count = renderPageMarks(
      doc,
      entries,
      [
        {
          id: '2411.00003',
          saved: true,
          seenBefore: false,
          opened: false,
          dismissed: false,
          hasCode: false,
        },
        {
          id: '2411.00001',
          saved: false,
          seenBefore: true,
          opened: false,
          dismissed: false,
          hasCode: false,
        },
      ],
      async (_id, saved) => saved,
    );
    expect(count).toBe(2);
    expect(button(doc, '2411.00003')).toHaveAttribute('aria-pressed', 'true');
    expect(showsSeen(doc, '2411.00001')).toBe(true);
    expect(button(doc, '2411.00002')).toBeNull();
  });

  it("acts only on the user's own clicks: a page script's click() or dispatchEvent does nothing", async () => {
    const { doc, entries } = listing(['2411.00001']);
    const toggle = vi.fn(async (_id: string, saved: boolean) => saved);
    renderPageMarks(
      doc,
      entries,
      [
        {
          id: '2411.00001',
          saved: true,
          seenBefore: false,
          opened: false,
          dismissed: false,
          hasCode: false,
        },
      ],
      toggle,
    );
    const real = button(doc, '2411.00001') as HTMLButtonElement;
    real.click();
    real.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(toggle).not.toHaveBeenCalled();
    expect(real).toHaveAttribute('aria-pressed', 'true');
    // The user's click still works.
    userClick(real);
    expect(toggle).toHaveBeenCalledWith('2411.00001', false);
  });

  it('ignores a toggle the page made, even when the user clicks it', () => {
    const { doc, entries } = listing(['2411.00001']);
    const toggle = vi.fn(async (_id: string, saved: boolean) => saved);
    renderPageMarks(
      doc,
      entries,
      [
        {
          id: '2411.00001',
          saved: false,
          seenBefore: false,
          opened: false,
          dismissed: false,
          hasCode: false,
        },
      ],
      toggle,
    );
    const fake = doc.createElement('button');
    fake.className = 'paperlight-save';
    fake.setAttribute('data-paperlight-id', 'url:https://example.com/x');
    fake.setAttribute('aria-pressed', 'true');
    doc.body.append(fake);
    fake.click();
    userClick(fake);
    // A copy of a real toggle is the page's element too.
    const copy = button(doc, '2411.00001')?.cloneNode(true) as HTMLButtonElement;
    doc.body.append(copy);
    userClick(copy);
    expect(toggle).not.toHaveBeenCalled();
    expect(fake).toHaveAttribute('aria-pressed', 'true');
  });

  it("saves the paper it marked, whatever the page wrote into the toggle's attributes", async () => {
    const { doc, entries } = listing(['2411.00001']);
    const toggle = vi.fn(async (_id: string, saved: boolean) => saved);
    renderPageMarks(
      doc,
      entries,
      [
        {
          id: '2411.00001',
          saved: false,
          seenBefore: false,
          opened: false,
          dismissed: false,
          hasCode: false,
        },
      ],
      toggle,
    );
    const real = button(doc, '2411.00001') as HTMLButtonElement;
    real.setAttribute('data-paperlight-id', 'url:https://example.com/x');
    real.setAttribute('aria-pressed', 'true');
    userClick(real);
    expect(toggle).toHaveBeenCalledWith('2411.00001', true);
    await vi.waitFor(() => expect(real).toHaveAttribute('aria-pressed', 'true'));
  });

  it("acts on a click inside its toggle, and leaves the page's own .paperlight-save elements alone", () => {
    const { doc, entries } = listing(['2411.00001']);
    const toggle = vi.fn(async (_id: string, saved: boolean) => saved);
    const statuses = [
      {
        id: '2411.00001',
        saved: false,
        seenBefore: false,
        opened: false,
        dismissed: false,
        hasCode: false,
      },
    ];
    renderPageMarks(doc, entries, statuses, toggle);
    const inner = doc.createElement('span');
    button(doc, '2411.00001')?.append(inner);
    userClick(inner);
    expect(toggle).toHaveBeenCalledWith('2411.00001', true);
    const pages = doc.createElement('span');
    pages.className = 'paperlight-save';
    doc.getElementById('dt-2411.00001')?.append(pages);
    renderPageMarks(doc, entries, statuses, toggle);
    expect(pages.isConnected).toBe(true);
  });
});
