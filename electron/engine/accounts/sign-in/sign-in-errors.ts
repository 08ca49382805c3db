import { DeskError } from '../../../../shared/contract/result';
import { classifyRpcError } from '../../telegram/mtproto/rpc-failure';

/** Telegram's error names in sign-in, as messages a person can act on. */
const MESSAGES: Record<string, [DeskError['code'], string]> = {
  PHONE_NUMBER_INVALID: ['phone_invalid', 'Telegram does not accept this phone number. Check the country code and the digits.'],
  PHONE_NUMBER_BANNED: ['phone_banned', 'Telegram has banned this phone number; it cannot sign in.'],
  PHONE_NUMBER_UNOCCUPIED: ['phone_unregistered', 'This number has no Telegram account. Create one in a Telegram app first.'],
  PHONE_CODE_INVALID: ['code_invalid', 'The code is wrong. Check it and try again.'],
  PHONE_CODE_EMPTY: ['code_invalid', 'Enter the code Telegram sent.'],
  PHONE_CODE_EXPIRED: ['code_expired', 'The code has expired. Ask for a new one.'],
  PHONE_CODE_HASH_EMPTY: ['code_expired', 'The code has expired. Ask for a new one.'],
  PASSWORD_HASH_INVALID: ['password_invalid', 'The two-step verification password is wrong. Try again.'],
  SRP_ID_INVALID: ['password_invalid', 'The password check timed out. Enter the password again.'],
  API_ID_INVALID: ['api_credentials_invalid', 'Telegram does not accept this api_id and api_hash. Copy them again from my.telegram.org.'],
  API_ID_PUBLISHED_FLOOD: ['api_credentials_invalid', 'Telegram blocked this api_id because it was published. Create your own at my.telegram.org.'],
  SEND_CODE_UNAVAILABLE: ['unavailable', 'Telegram has no other way to send the code. Wait for it, or start again later.'],
};

/** Converts whatever a sign-in step threw into a DeskError; only error names reach the message, never input. */
export function signInError(error: unknown, now: number): DeskError {
  if (error instanceof DeskError) return error;
  const failure = classifyRpcError(error);
  switch (failure.kind) {
    case 'flood': {
      const until = now + failure.seconds * 1000;
      return new DeskError('flood_wait', `Telegram asks to wait before trying again (until ${new Date(until).toISOString()}).`, { until });
    }
    case 'unauthorized':
      return new DeskError('session_revoked', 'Telegram ended this sign-in. Start again.');
    case 'network':
      return new DeskError('unavailable', 'Telegram could not be reached. Check the connection and try again.');
    case 'rpc': {
      const known = MESSAGES[failure.name];
      return known ? new DeskError(known[0], known[1]) : new DeskError('unavailable', `Telegram refused the sign-in (${failure.name}).`);
    }
  }
}
