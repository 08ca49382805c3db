import { z } from 'zod';

/** A chat as the desk names it: `user:42`, `chat:7`, `channel:1234` (Telegram's own ids, no -100). */
export const chatKeySchema = z.string().regex(/^(user|chat|channel):\d+$/, 'A chat is named like user:42, chat:7 or channel:1234.');

/** A user's Telegram id (a personal account resolves it from what it has seen). */
export const userIdSchema = z.number().int().positive();
