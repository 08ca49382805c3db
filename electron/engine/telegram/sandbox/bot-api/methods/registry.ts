import { answerCallbackQuery, deleteMyCommands, getMe, getMyCommands, sendChatAction, setMyCommands } from './bot';
import { createChatInviteLink, getChat, getChatMember } from './chats';
import type { Method } from './context';
import { getFile, sendMedia } from './media';
import { copyMessage, deleteMessage, editMessageText, sendMessage } from './messages';
import { deleteWebhook, getUpdates, getWebhookInfo, setWebhook } from './updates';

const METHODS: Record<string, Method> = {
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  sendMessage,
  editMessageText,
  deleteMessage,
  copyMessage,
  sendPhoto: sendMedia('photo'),
  sendDocument: sendMedia('document'),
  sendVideo: sendMedia('video'),
  sendVoice: sendMedia('voice'),
  getFile,
  answerCallbackQuery,
  getChat,
  getChatMember,
  createChatInviteLink,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  sendChatAction,
};

/** Telegram's method names are case-insensitive. */
const BY_LOWER_NAME = new Map(Object.entries(METHODS).map(([name, method]) => [name.toLowerCase(), method]));

export function findMethod(name: string): Method | undefined {
  return BY_LOWER_NAME.get(name.toLowerCase());
}
