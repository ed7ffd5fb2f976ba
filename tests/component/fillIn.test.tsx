import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FILL_IN_DEBOUNCE_MS, forgetAskedFillIns } from '@/components/useFillIn';
import { fakeSend, freshDb, HOUR, makePaper, NOW, renderPopup } from '@/tests/component/helpers';
import type { PaperlightDatabase } from '@/utils/storage/database';

/** The popup asks the background to fill in the rows it renders without an abstract. */

function sendWithFillIn(db: PaperlightDatabase) {
  const base = fakeSend(db);
  return vi.fn(async (type: string, payload: unknown): Promise<unknown> => {
    if (type === 'fillIn') return { queued: (payload as { ids: string[] }).ids.length };
    return base(type, payload);
  });
}

function fillInCalls(send: ReturnType<typeof sendWithFillIn>): string[][] {
  return send.mock.calls
    .filter(([type]) => type === 'fillIn')
    .map(([, payload]) => (payload as { ids: string[] }).ids);
}

describe('filling in rows without an abstract', () => {
  let db: PaperlightDatabase;

  beforeEach(() => {
    db = freshDb();
    forgetAskedFillIns();
  });

  afterEach(async () => {
    await db.delete();
  });

  it('asks, debounced, for the rendered rows that lack an abstract, each once per session', async () => {
    await db.papers.bulkAdd([
      makePaper({ id: '2611.00001', title: 'Without abstract', tldr: '' }),
      makePaper({ id: '2611.00002', title: 'With abstract', abstract: 'We do X. It works.' }),
      makePaper({ id: '2611.00003', title: 'Placeholder', tldr: '', placeholder: true }),
      makePaper({
        id: 'url:https://blog.example/post',
        title: 'An article',
        savedAt: NOW - HOUR,
        article: {
          url: 'https://blog.example/post',
          siteName: '',
          keySentences: [],
          readingMinutes: 1,
        },
      }),
    ]);
    const send = sendWithFillIn(db);
    renderPopup({ db, send });
    expect(await screen.findByText('Without abstract')).toBeInTheDocument();
    // Not at once: the rows settle first.
    expect(fillInCalls(send)).toEqual([]);
    await vi.waitFor(() => expect(fillInCalls(send)).toHaveLength(1), {
      timeout: FILL_IN_DEBOUNCE_MS * 10,
    });
    expect(fillInCalls(send)[0]?.sort()).toEqual(['2611.00001', '2611.00003']);

    // A live update re-renders the rows; Saved and back remounts the list: nothing is asked again.
    await act(() => db.papers.update('2611.00001', { title: 'Still without abstract' }));
    expect(await screen.findByText('Still without abstract')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: /^Saved/ }));
    fireEvent.click(screen.getByRole('tab', { name: /^Today/ }));
    // A row that does need it, added now, is the next thing asked for, and alone: the rows asked
    // for already would have come in that request or one before it.
    await act(() => db.papers.add(makePaper({ id: '2611.00009', title: 'Added later', tldr: '' })));
    expect(await screen.findByText('Added later')).toBeInTheDocument();
    await vi.waitFor(() => expect(fillInCalls(send)).toHaveLength(2), {
      timeout: FILL_IN_DEBOUNCE_MS * 10,
    });
    expect(fillInCalls(send)[1]).toEqual(['2611.00009']);
  });

  it('asks only for the rows the windowed list renders', async () => {
    await db.papers.bulkAdd(
      Array.from({ length: 400 }, (_, index) =>
        makePaper({
          id: `2611.${String(index).padStart(5, '0')}`,
          title: `Paper number ${index}`,
          tldr: '',
          position: index,
        }),
      ),
    );
    const send = sendWithFillIn(db);
    renderPopup({ db, send, listViewportHeight: 400 });
    expect(await screen.findByText('Paper number 0')).toBeInTheDocument();
    await vi.waitFor(() => expect(fillInCalls(send).length).toBeGreaterThan(0), {
      timeout: FILL_IN_DEBOUNCE_MS * 10,
    });
    const asked = fillInCalls(send).flat();
    const rendered = screen.getAllByRole('article').length;
    expect(asked).toContain('2611.00000');
    expect(asked.length).toBe(rendered);
    expect(asked.length).toBeLessThan(40);
  });
});
