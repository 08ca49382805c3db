import { z } from 'zod';
import type { OutboxAttachment, OutboxPayload } from '../outbox-port';
import { chatKeySchema } from './chat-key';

const replyTo = z.number().int().positive().optional();

/** A message payload names its kind (`text`, `media`), as rows have stored it from the start. */
export const textPayload = z.object({ kind: z.literal('text'), chatKey: chatKeySchema, text: z.string(), replyToTelegramId: replyTo }) satisfies z.ZodType<OutboxPayload & { kind: 'text' }>;

const attachment = z.object({
  sha256: z.string(),
  path: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
  mediaKind: z.enum(['photo', 'document', 'video', 'voice']),
}) satisfies z.ZodType<OutboxAttachment>;

export const mediaPayload = z.object({
  kind: z.literal('media'),
  chatKey: chatKeySchema,
  attachment,
  caption: z.string().optional(),
  replyToTelegramId: replyTo,
}) satisfies z.ZodType<OutboxPayload & { kind: 'media' }>;

/** Checked before anything is tried, so the operator sees it at once (and the text is kept). */
export function fileTooLarge(payload: z.infer<typeof mediaPayload>, uploadBytes: number, sender: 'account' | 'bot'): string | null {
  const size = payload.attachment.size;
  if (size <= uploadBytes) return null;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `The file is ${mb(size)}; a ${sender === 'bot' ? 'bot' : 'personal account'} can send at most ${mb(uploadBytes)}.`;
}
