/**
 * A click as the user makes it, in jsdom. Page marks act only on trusted events, and jsdom, like a
 * browser, marks every event a script dispatches (`click()`, `dispatchEvent`) untrusted. So this
 * sets jsdom's own flag on the event's implementation and dispatches it past the public
 * `dispatchEvent` (which would clear the flag). The Chromium tests click for real.
 */
type Impl = { isTrusted: boolean; _dispatch(event: Impl): boolean };

function implOf(wrapper: object): Impl {
  const symbol = Object.getOwnPropertySymbols(wrapper).find((key) => key.description === 'impl');
  const impl = symbol && (wrapper as Record<symbol, unknown>)[symbol];
  if (!impl) throw new Error('not a jsdom object: cannot make a trusted event');
  return impl as Impl;
}

export function userClick(element: Element): void {
  const view = element.ownerDocument.defaultView ?? window;
  const event = new view.MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  const eventImpl = implOf(event);
  eventImpl.isTrusted = true;
  implOf(element)._dispatch(eventImpl);
  if (!event.isTrusted) throw new Error('jsdom did not keep the event trusted');
}
