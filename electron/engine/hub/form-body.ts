import type { IncomingMessage } from 'node:http';

/** A sign-in or invite form is a few hundred bytes; anything near this is not one of ours. */
export const MAX_FORM_BYTES = 16 * 1024;

export class FormTooLarge extends Error {}

/** Reads an urlencoded form body, refusing (and no longer reading) one past `MAX_FORM_BYTES`. */
export async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_FORM_BYTES) throw new FormTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new FormTooLarge();
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
