import { Api } from 'telegram';
import type { CodeDelivery } from '../../../../../shared/domain/connections';
import { toNumber } from './ids';

export interface CodeSent {
  sentVia: CodeDelivery;
  nextVia: CodeDelivery | null;
  codeLength: number | null;
  resendAfterSeconds: number | null;
  phoneCodeHash: string;
}

/** Where Telegram sent the login code, what comes next, and after how long. */
export function translateSentCode(sent: Api.auth.SentCode): CodeSent {
  const type = sent.type as { length?: unknown };
  return {
    sentVia: sentVia(sent.type),
    nextVia: sent.nextType ? nextVia(sent.nextType) : null,
    codeLength: typeof type.length === 'number' && type.length > 0 ? type.length : null,
    resendAfterSeconds: sent.timeout ?? null,
    phoneCodeHash: sent.phoneCodeHash,
  };
}

function sentVia(type: Api.auth.TypeSentCodeType): CodeDelivery {
  if (type instanceof Api.auth.SentCodeTypeApp) return 'app';
  if (type instanceof Api.auth.SentCodeTypeSms || type instanceof Api.auth.SentCodeTypeSmsWord || type instanceof Api.auth.SentCodeTypeSmsPhrase || type instanceof Api.auth.SentCodeTypeFirebaseSms) return 'sms';
  if (type instanceof Api.auth.SentCodeTypeCall) return 'call';
  if (type instanceof Api.auth.SentCodeTypeFlashCall) return 'flash_call';
  if (type instanceof Api.auth.SentCodeTypeMissedCall) return 'missed_call';
  if (type instanceof Api.auth.SentCodeTypeEmailCode || type instanceof Api.auth.SentCodeTypeSetUpEmailRequired) return 'email';
  if (type instanceof Api.auth.SentCodeTypeFragmentSms) return 'fragment';
  return 'unknown';
}

function nextVia(type: Api.auth.TypeCodeType): CodeDelivery {
  if (type instanceof Api.auth.CodeTypeSms) return 'sms';
  if (type instanceof Api.auth.CodeTypeCall) return 'call';
  if (type instanceof Api.auth.CodeTypeFlashCall) return 'flash_call';
  if (type instanceof Api.auth.CodeTypeMissedCall) return 'missed_call';
  if (type instanceof Api.auth.CodeTypeFragmentSms) return 'fragment';
  return 'unknown';
}

export interface SignedInUser {
  telegramUserId: number;
  firstName: string;
  lastName: string;
  username: string | null;
}

export function translateSignedInUser(user: Api.TypeUser): SignedInUser {
  if (!(user instanceof Api.User)) throw new Error('Telegram answered the sign-in without the account.');
  return {
    telegramUserId: toNumber(user.id),
    firstName: user.firstName ?? '',
    lastName: user.lastName ?? '',
    username: user.username ?? user.usernames?.[0]?.username ?? null,
  };
}
