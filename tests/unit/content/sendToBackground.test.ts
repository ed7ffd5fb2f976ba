import { JSDOM } from 'jsdom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFixture } from '@/tests/unit/content/adapters/load';
import { startBackground } from '@/utils/background/startBackground';
import { detectAndMark } from '@/utils/content/contentScript';
import { sendToBackground } from '@/utils/content/sendToBackground';
import type { PaperRecord } from '@/utils/shared/paperRecord';
import { PaperlightDatabase } from '@/utils/storage/database';

/**
 * The content script's sender when the service worker stops mid-message: Chrome then rejects the
 * message with "message channel closed" (or, through the polyfill, answers nothing). It is sent
 * once more, and the page view it carries is counted once even when the first one was stored.
 */

const CLOSED =
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';
const LISTING = 'https://arxiv.org/list/cs.CL/new';
const STATUS = { id: '2408.00001', saved: true, seenBefore: false };

let sendMessage: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  fakeBrowser.reset();
  sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('sendToBackground', () => {
  it.each([
    ['the channel closed', () => Promise.reject(new Error(CLOSED))],
    ['no receiver yet', () => Promise.reject(new Error(NO_RECEIVER))],
    ['no reply at all', () => Promise.resolve(undefined)],
  ])('sends once more when %s, and returns the answer', async (_name, first) => {
    sendMessage.mockImplementationOnce(first).mockResolvedValueOnce({ ok: true, data: STATUS });
    const payload = { id: '2408.00001', saved: true };
    await expect(sendToBackground('setSaved', payload)).resolves.toEqual(STATUS);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(sendMessage.mock.calls[1]?.[0]).toEqual({ type: 'setSaved', payload });
  });

  it('does not send again after a refusal: that is an answer', async () => {
    sendMessage.mockResolvedValue({ ok: false, error: 'setSaved: unknown paper 2408.00001' });
    await expect(sendToBackground('setSaved', { id: '2408.00001', saved: true })).rejects.toThrow(
      'unknown paper',
    );
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('does not send again when the extension is gone from under the page', async () => {
    sendMessage.mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(sendToBackground('setSaved', { id: '2408.00001', saved: true })).rejects.toThrow(
      'invalidated',
    );
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('tries twice at most, and says why the second failed', async () => {
    sendMessage
      .mockRejectedValueOnce(new Error(CLOSED))
      .mockRejectedValueOnce(new Error(NO_RECEIVER));
    await expect(sendToBackground('setSaved', { id: '2408.00001', saved: true })).rejects.toThrow(
      'Receiving end does not exist',
    );
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });
});

describe('a page view when the service worker stops mid-message', () => {
  let database: PaperlightDatabase;
  beforeEach(() => {
    database = new PaperlightDatabase(`stopped-${crypto.randomUUID()}`);
    // fakeBrowser has no `commands.onCommand`; the keyboard command plays no part here.
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    startBackground(database);
  });
  afterEach(async () => {
    await database.delete();
  });

  /** Delivers to the background's listener as Chrome would from a tab on the listing. */
  const deliver = async (message: unknown) => {
    const sender = { id: fakeBrowser.runtime.id, url: LISTING };
    const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, sender);
    return reply;
  };

  function listingPage(): Document {
    return new JSDOM(readFixture('arxiv-list-new-current.html'), { url: LISTING }).window.document;
  }

  it('is stored and marked when the first message never reached the background', async () => {
    sendMessage.mockRejectedValueOnce(new Error(CLOSED)).mockImplementation(deliver);
    const doc = listingPage();
    expect(await detectAndMark(doc, new URL(LISTING), sendToBackground)).toBe(4);
    expect(doc.querySelectorAll('paperlight-mark')).toHaveLength(4);
    const records = await database.papers.toArray();
    expect(records.map((record) => record.sightingCount)).toEqual([1, 1, 1, 1]);
  });

  it('counts once when the background stored the page but stopped before answering', async () => {
    sendMessage
      .mockImplementationOnce(async (message: unknown) => {
        await deliver(message);
        throw new Error(CLOSED);
      })
      .mockImplementation(deliver);
    const doc = listingPage();
    expect(await detectAndMark(doc, new URL(LISTING), sendToBackground)).toBe(4);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(doc.querySelectorAll('paperlight-mark')).toHaveLength(4);
    const records: PaperRecord[] = await database.papers.toArray();
    expect(records).toHaveLength(4);
    expect(records.map((record) => record.sightingCount)).toEqual([1, 1, 1, 1]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('4');

    // Reading the page again is a new page view, and counts.
    await detectAndMark(listingPage(), new URL(LISTING), sendToBackground);
    const again = await database.papers.toArray();
    expect(again.map((record) => record.sightingCount)).toEqual([2, 2, 2, 2]);
  });
});
