import { useTranslation } from 'react-i18next';
import type { DeskErrorShape, ErrorCode } from '../../../../shared/contract/result';
import { useUntilFormat } from '../../ui/use-date-format';
import { formatCountdown, secondsUntil, useNow } from '../../ui/use-now';

/** Telegram's answers that have their own wording; anything else shows the engine's message. */
const WORDED = [
  'phone_invalid',
  'phone_banned',
  'phone_unregistered',
  'code_invalid',
  'code_expired',
  'password_invalid',
  'api_credentials_invalid',
  'api_credentials_missing',
  'session_revoked',
  'bot_token_invalid',
  'bot_conflict',
  'sign_in_expired',
] as const satisfies readonly ErrorCode[];
type WordedCode = (typeof WORDED)[number];

const isWorded = (code: ErrorCode): code is WordedCode => (WORDED as readonly ErrorCode[]).includes(code);

/** The end of a flood wait, when the engine said it. */
export function floodUntil(error: DeskErrorShape | null): number | null {
  if (error?.code !== 'flood_wait') return null;
  const until = error.details?.until;
  return typeof until === 'number' ? until : null;
}

/** Whether a flood wait still forbids trying, ticking so buttons come back on time. */
export function useFloodBlocked(error: DeskErrorShape | null): boolean {
  const until = floodUntil(error);
  const now = useNow(until !== null);
  return until !== null && secondsUntil(until, now) > 0;
}

/** An engine error in the window's language; a flood wait counts down to when to try again. */
export function ErrorText({ error }: { error: DeskErrorShape }) {
  const { t } = useTranslation();
  const formatUntil = useUntilFormat();
  const until = floodUntil(error);
  const now = useNow(until !== null);

  if (error.code === 'flood_wait') {
    if (until === null) return <>{t('accounts.errors.floodNoTime')}</>;
    const left = secondsUntil(until, now);
    if (left === 0) return <>{t('accounts.errors.floodOver')}</>;
    return <>{t('accounts.errors.flood', { time: formatUntil(until), left: formatCountdown(left) })}</>;
  }
  if (isWorded(error.code)) return <>{t(`accounts.errors.${error.code}`)}</>;
  return <>{error.message}</>;
}
