import type { AnyActionKind } from '../kind-registry';
import { accountMedia } from './account-media';
import { accountText } from './account-text';
import { botMedia } from './bot-media';
import { botText } from './bot-text';

/** The Telegram actions the outbox itself offers every domain; domains add their own kinds beside these. */
export const TELEGRAM_KINDS: readonly AnyActionKind[] = [accountText, accountMedia, botText, botMedia];
