import { browser } from 'wxt/browser';
import type { Envelope, MessageName, Payload, Reply, Response } from '@/utils/shared/protocol';

/** Sends one protocol message to the background and unwraps its reply (throws on refusal). */
export async function sendMessage<K extends MessageName>(
  type: K,
  payload: Payload<K>,
): Promise<Response<K>> {
  const envelope: Envelope<K> = { type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<K> | undefined;
  if (!reply) throw new Error(`no reply to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
