import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../stores/inbox/composer-store';

export function ReplyBar({ replyTo, onCancel }: { replyTo: NonNullable<Draft['replyTo']>; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <div className="composer-reply" data-testid="composer-reply">
      <span className="bubble-quote-who">{t('inbox.composer.replyingTo', { name: replyTo.senderName })}</span>
      <span className="bubble-quote-text">{replyTo.text || t('inbox.chat.quoteMedia')}</span>
      <button type="button" className="button button-small" data-testid="composer-reply-cancel" onClick={onCancel}>
        {t('inbox.composer.cancelReply')}
      </button>
    </div>
  );
}
