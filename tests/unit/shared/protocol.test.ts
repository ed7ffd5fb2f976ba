import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateMessage } from '@/utils/shared/messageSchemas';
import { refusalFor, type Sender } from '@/utils/shared/protocol';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('validateMessage: the envelope', () => {
  it('accepts exactly type and payload', () => {
    expect(validateMessage({ type: 'popupOpened', payload: {} })).toEqual({
      ok: true,
      message: { type: 'popupOpened', payload: {} },
    });
  });

  it.each([
    ['a field beside type and payload', { type: 'popupOpened', payload: {}, from: 'popup' }],
    [
      'a field on a message that is otherwise valid',
      { type: 'setSaved', payload: { id: '2408.00001', saved: true }, id: 'url:https://x.org/' },
    ],
    ['a prototype-looking field', JSON.parse('{"type":"fetchNow","payload":{},"__proto__":{}}')],
  ])('refuses %s, naming it', (_name, message) => {
    const result = validateMessage(message);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^unexpected field "/);
  });
});

describe('refusalFor: what each sender may ask', () => {
  const arxivPage = {
    source: {
      kind: 'arxiv-listing',
      label: 'arXiv cs.CL · new',
      url: 'https://arxiv.org/list/cs.CL/new',
    },
    papers: [{ id: '2408.00001', title: 'A paper', authors: ['Ada Lovelace'] }],
  };
  const messages: Record<string, unknown> = {
    pageDetected: { type: 'pageDetected', payload: arxivPage },
    hfPage: {
      type: 'pageDetected',
      payload: {
        ...arxivPage,
        source: { kind: 'hf-daily', label: 'HF', url: 'https://huggingface.co/papers' },
      },
    },
    feed: {
      type: 'pageDetected',
      payload: {
        ...arxivPage,
        source: { kind: 'arxiv-rss', label: 'RSS', url: 'https://rss.arxiv.org/rss/cs.CL' },
      },
    },
    savePaper: { type: 'setSaved', payload: { id: '2408.00001', saved: true } },
    unsaveArticle: { type: 'setSaved', payload: { id: 'url:https://example.com/x', saved: false } },
    saveArticle: {
      type: 'saveArticle',
      payload: {
        url: 'https://example.com/x',
        title: 'X',
        byline: '',
        siteName: '',
        keySentences: [],
        readingMinutes: 1,
      },
    },
    pagePapersFound: {
      type: 'pagePapersFound',
      payload: { url: 'https://example.com/', ids: ['2408.00001'] },
    },
    fetchNow: { type: 'fetchNow', payload: {} },
    popupOpened: { type: 'popupOpened', payload: {} },
    fillIn: { type: 'fillIn', payload: { ids: ['2408.00001'] } },
    statuses: { type: 'paperStatuses', payload: { ids: ['2408.00001'] } },
    dismiss: { type: 'setDismissed', payload: { id: '2408.00001', dismissed: true } },
    dismissArticle: {
      type: 'setDismissed',
      payload: { id: 'url:https://example.com/x', dismissed: true },
    },
    like: { type: 'setLiked', payload: { id: '2408.00001', liked: true } },
    likeArticle: { type: 'setLiked', payload: { id: 'url:https://example.com/x', liked: true } },
    follow: { type: 'followAuthor', payload: { id: '2408.00001', author: 'Ada Lovelace' } },
    markAllSeen: { type: 'markAllSeen', payload: {} },
  };
  const refusal = (sender: Sender, name: string) => {
    const checked = validateMessage(messages[name]);
    if (!checked.ok) throw new Error(`${name} should be valid: ${checked.error}`);
    return refusalFor(sender, checked.message);
  };

  it("lets the extension's own pages send every message", () => {
    for (const name of Object.keys(messages))
      expect(refusal('extension-page', name)).toBeUndefined();
  });

  it('lets a content script report a page it read and save or unsave an arXiv paper', () => {
    for (const name of [
      'pageDetected',
      'hfPage',
      'savePaper',
      'statuses',
      'dismiss',
      'like',
      'follow',
    ]) {
      expect(refusal('content-script', name)).toBeUndefined();
    }
  });

  it.each([
    'feed',
    'unsaveArticle',
    'saveArticle',
    'pagePapersFound',
    'fetchNow',
    'popupOpened',
    'fillIn',
    'dismissArticle',
    'likeArticle',
    'markAllSeen',
  ])('refuses %s from a content script', (name) => {
    expect(refusal('content-script', name)).toMatch(/not accepted from a content script$/);
  });

  it('the content script (utils/content/) sends only the messages it may send', () => {
    const sent = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else
          for (const match of readFileSync(file, 'utf8').matchAll(/\bsend\(\s*'(\w+)'/g))
            sent.add(match[1] as string);
      }
    };
    walk(path.join(ROOT, 'utils/content'));
    expect([...sent].sort()).toEqual([
      'followAuthor',
      'pageDetected',
      'paperStatuses',
      'setDismissed',
      'setLiked',
      'setSaved',
    ]);
  });
});
