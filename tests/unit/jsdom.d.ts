/**
 * The few parts of jsdom's API the unit tests use directly (jsdom ships no types and
 * @types/jsdom is not a dependency): a page at a given URL, with its own window.
 */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { url?: string });
    readonly window: Window & typeof globalThis;
  }
}
