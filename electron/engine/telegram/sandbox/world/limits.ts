/** Telegram's documented sizes, used by both front doors. */
export const LIMITS = {
  messageLength: 4096,
  captionLength: 1024,
  channelsPerUser: 500,
  callbackDataBytes: 64,
  botUploadBytes: 50 * 1024 * 1024,
  botDownloadBytes: 20 * 1024 * 1024,
  /** A local Bot API server (telegram-bot-api --local) takes uploads up to 2,000 MB and hands out any file. */
  localBotUploadBytes: 2000 * 1024 * 1024,
  basicGroupMembers: 200,
} as const;
