import type { AnyActionKind } from '../kind-registry';
import { accountContactImport } from './account-contact-import';
import { accountExportInvite } from './account-export-invite';
import { accountInvite } from './account-invite';
import { accountMedia } from './account-media';
import { accountParticipant } from './account-participant';
import { accountText } from './account-text';
import { botAnswerCallback } from './bot-answer-callback';
import { botChatMember } from './bot-chat-member';
import { botCreateInviteLink } from './bot-create-invite-link';
import { botEditMessage } from './bot-edit-message';
import { botKeyboardMessage } from './bot-keyboard-message';
import { botMedia } from './bot-media';
import { botText } from './bot-text';

/** The Telegram actions the outbox itself offers every domain; domains add their own kinds beside these. */
export const TELEGRAM_KINDS: readonly AnyActionKind[] = [
  accountText,
  accountMedia,
  accountContactImport,
  accountInvite,
  accountExportInvite,
  accountParticipant,
  botText,
  botMedia,
  botKeyboardMessage,
  botEditMessage,
  botAnswerCallback,
  botChatMember,
  botCreateInviteLink,
];
