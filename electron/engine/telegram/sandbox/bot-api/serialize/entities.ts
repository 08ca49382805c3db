/**
 * Telegram finds bot commands in what people write and marks each with a `bot_command` entity
 * (offset and length in UTF-16 code units, as JavaScript strings count): a `/` not inside a word
 * or path, up to 64 Latin letters, digits or underscores, and optionally `@` and a bot's username.
 */
const COMMAND = /(?<![\w/<>])\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/@])/g;

export function botCommandEntities(text: string): { type: 'bot_command'; offset: number; length: number }[] {
  return [...text.matchAll(COMMAND)].map((match) => ({ type: 'bot_command', offset: match.index, length: match[0].length }));
}
