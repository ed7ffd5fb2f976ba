/**
 * For the Hugging Face adapters (hfDaily, hfPaper): the host check and the
 * `div.SVELTE_HYDRATER` `data-props` JSON reader (the paper objects in it are read by
 * utils/shared/hfPaperJson.ts).
 * HF serves its pages with Svelte islands: each `SVELTE_HYDRATER` div carries the island's
 * props as HTML-escaped JSON in `data-props` (the DOM hands it back unescaped).
 */

import { type Json, obj } from '@/utils/shared/hfPaperJson';

/** True for huggingface.co pages over http(s). */
export function isHfPage(url: URL): boolean {
  return /^https?:$/.test(url.protocol) && /^(www\.)?huggingface\.co$/.test(url.hostname);
}

let cachedRaw = '';
let cachedProps: Json | undefined;

/** Parsed `data-props` (undefined when absent or not JSON); the last parse is reused, since the
 * content script rescans HF pages whose props do not change. */
export function parseProps(raw: string | null | undefined): Json | undefined {
  if (!raw) return undefined;
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    try {
      cachedProps = obj(JSON.parse(raw));
    } catch {
      cachedProps = undefined;
    }
  }
  return cachedProps;
}

/** The props of the first `SVELTE_HYDRATER` island matching `selector` whose raw attribute
 * passes `accept` (so unrelated islands are not parsed) and whose parsed props pass `match`. */
export function findProps(
  doc: Document,
  selector: string,
  accept: (raw: string) => boolean,
  match: (props: Json) => boolean = () => true,
): Json | undefined {
  for (const el of doc.querySelectorAll(selector)) {
    const raw = el.getAttribute('data-props');
    const props = raw && accept(raw) ? parseProps(raw) : undefined;
    if (props && match(props)) return props;
  }
  return undefined;
}
