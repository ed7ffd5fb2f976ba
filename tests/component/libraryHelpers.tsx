import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { LibraryApp } from '@/components/library/LibraryApp';
import { LibraryProvider, type LibraryServices } from '@/components/library/LibraryContext';
import { NoticeProvider } from '@/components/Notice';
import { PopupProvider, type PopupServices } from '@/components/PopupContext';
import { NOW } from '@/tests/component/helpers';
import { handleMessage } from '@/utils/background/handleMessage';
import type { MessageName, Reply } from '@/utils/shared/protocol';
import type { PaperlightDatabase } from '@/utils/storage/database';

/** The worker's real message handler on the test database, as the page's `send`. */
export function workerSend(db: PaperlightDatabase, now: () => number = () => NOW) {
  return vi.fn(async (type: string, payload: unknown): Promise<unknown> => {
    const reply = (await handleMessage(db, { type, payload }, now, {
      fetch: async () => {
        throw new TypeError('offline');
      },
    })) as Reply<MessageName>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  });
}

export function renderLibrary({
  db,
  send = workerSend(db),
  search = vi.fn(async () => ({ ids: [], total: 0 })),
  copyText = vi.fn(async () => {}),
  exportPapers = vi.fn(async () => {}),
}: {
  db: PaperlightDatabase;
  send?: ReturnType<typeof workerSend>;
  search?: LibraryServices['search'];
  copyText?: LibraryServices['copyText'];
  exportPapers?: LibraryServices['exportPapers'];
}) {
  const result = render(
    <PopupProvider db={db} send={send as unknown as PopupServices['send']} now={() => NOW}>
      <LibraryProvider search={search} copyText={copyText} exportPapers={exportPapers}>
        <NoticeProvider>
          <LibraryApp viewportHeight={700} />
        </NoticeProvider>
      </LibraryProvider>
    </PopupProvider>,
  );
  return { ...result, send, search, copyText, exportPapers };
}
