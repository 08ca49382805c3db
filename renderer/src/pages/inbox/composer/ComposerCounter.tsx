import { useTranslation } from 'react-i18next';
import { MESSAGE_LIMITS, replyParts } from '../../../../../shared/domain/message-text';
import './composer-counter.css';

/** Characters left shows only this close to the limit, as in Telegram Desktop. */
const NEAR_LIMIT = 100;

/** How the text will leave: what is left near the limit, how many messages past it, or why it cannot. */
export function ComposerCounter({ text, withFile }: { text: string; withFile: boolean }) {
  const { t, i18n } = useTranslation();
  const limit = withFile ? MESSAGE_LIMITS.caption : MESSAGE_LIMITS.text;
  const length = text.trim().length;
  if (length < limit - NEAR_LIMIT) return null;
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const parts = length > limit ? replyParts(text, withFile).length : 1;
  const tooLong = parts > MESSAGE_LIMITS.parts;
  let words: string;
  if (tooLong) words = t('limits.tooLong', { length: number(length), max: MESSAGE_LIMITS.parts });
  else if (parts === 1) words = t('limits.left', { count: limit - length });
  else if (withFile) words = t('limits.caption', { limit: number(limit), count: parts - 1 });
  else words = t('limits.parts', { length: number(length), count: parts });
  return (
    <p className={tooLong ? 'composer-counter field-error' : 'composer-counter'} data-testid="composer-counter" aria-live="polite">
      {words}
    </p>
  );
}
