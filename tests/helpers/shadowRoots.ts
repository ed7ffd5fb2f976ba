/**
 * The page marks live in closed shadow roots, which no page script (and no test) can open. Tests
 * keep each root as it is made, by wrapping `attachShadow` on the window's Element prototype.
 */
export function keepShadowRoots(
  view: Window & typeof globalThis = window,
): Map<Element, ShadowRoot> {
  const roots = new Map<Element, ShadowRoot>();
  const attach = view.Element.prototype.attachShadow;
  vi.spyOn(view.Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
  return roots;
}
