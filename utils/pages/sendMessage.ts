import { browser } from 'wxt/browser';
import {
  type Envelope,
  type MessageName,
  type Payload,
  type Reply,
  type Response,
  unwrapReply,
} from '@/utils/shared/protocol';

/** Sends one protocol message to the background and unwraps its reply (throws on refusal). */
export async function sendMessage<K extends MessageName>(
  type: K,
  payload: Payload<K>,
): Promise<Response<K>> {
  const envelope: Envelope<K> = { type, payload };
  return unwrapReply(type, (await browser.runtime.sendMessage(envelope)) as Reply<K> | undefined);
}
