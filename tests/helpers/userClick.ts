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

/** The pointer moving onto `element`, as the user moves it (trusted, as {@link userClick}). */
export function userHover(element: Element): void {
  const view = element.ownerDocument.defaultView ?? window;
  const event = new view.MouseEvent('mouseover', { bubbles: true, composed: true });
  const eventImpl = implOf(event);
  eventImpl.isTrusted = true;
  implOf(element)._dispatch(eventImpl);
}

/** A key press as the user makes it (trusted, as {@link userClick}), on `target`. */
export function userKey(
  target: Element | Document,
  key: string,
  init: KeyboardEventInit = {},
): void {
  const doc = 'defaultView' in target ? target : target.ownerDocument;
  const view = doc.defaultView ?? window;
  const event = new view.KeyboardEvent('keydown', {
    key,
    bubbles: true,
    cancelable: true,
    composed: true,
    ...init,
  });
  const eventImpl = implOf(event);
  eventImpl.isTrusted = true;
  implOf(target)._dispatch(eventImpl);
}
