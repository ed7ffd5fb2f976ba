import { browser } from 'wxt/browser';
import {
  type Envelope,
  type MessageName,
  type Payload,
  type Reply,
  type Response,
  unwrapReply,
} from '@/utils/shared/protocol';

/**
 * How Chrome says a message got no answer because the background went away or was not there
 * (the service worker stopped mid-message, or is being started). The message may not have been
 * handled, so it is sent once more. Not retried: a refusal (that is an answer), and "Extension
 * context invalidated" (the extension was updated or removed under this page; no background will
 * ever answer this copy of the script).
 */
const CHANNEL_CLOSED =
  /message channel closed|message port closed|receiving end does not exist|could not establish connection/i;

export function isChannelClosed(error: unknown): boolean {
  return error instanceof Error && CHANNEL_CLOSED.test(error.message);
}

/**
 * The content script's sender: one protocol message to the background, sent a second time when
 * the first got no answer (see {@link CHANNEL_CLOSED}; no reply at all counts too). Both messages
 * it sends are safe to repeat: `setSaved` sets a state, and a `pageDetected` page view counts once
 * by its `viewId`.
 */
export async function sendToBackground<K extends MessageName>(
  type: K,
  payload: Payload<K>,
): Promise<Response<K>> {
  const envelope: Envelope<K> = { type, payload };
  const send = async () => (await browser.runtime.sendMessage(envelope)) as Reply<K> | undefined;
  let reply: Reply<K> | undefined;
  try {
    reply = await send();
  } catch (error) {
    if (!isChannelClosed(error)) throw error;
  }
  return unwrapReply(type, reply ?? (await send()));
}
