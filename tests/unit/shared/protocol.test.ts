import { validateMessage } from '@/utils/shared/protocol';

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
