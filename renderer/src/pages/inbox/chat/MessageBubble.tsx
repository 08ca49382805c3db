import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../../../../shared/domain/inbox';
import { useInboxFormats } from '../format';
import { DeliveryStatus } from './DeliveryStatus';
import { EditedMarker } from './EditedMarker';
import { MessageMedia } from './MessageMedia';

interface Props {
  message: ChatMessage;
  showSender: boolean;
  highlighted: boolean;
  /** Absent when the chat cannot be answered (its account or bot was removed). */
  onReply?(message: ChatMessage): void;
  onQuote(messageId: number): void;
}

export const MessageBubble = memo(function MessageBubble({ message: m, showSender, highlighted, onReply, onQuote }: Props) {
  const { t } = useTranslation();
  const formats = useInboxFormats();
  const deleted = m.deletedAt !== null;
  return (
    <div className="bubble-row" data-side={m.outgoing ? 'out' : 'in'}>
      <article
        className="bubble"
        data-testid="message"
        data-id={m.id}
        data-delivery={m.delivery?.state ?? 'none'}
        data-deleted={deleted ? 'true' : undefined}
        data-highlighted={highlighted ? 'true' : undefined}
      >
        {(showSender || m.outgoing) && <div className="bubble-sender">{m.outgoing ? t('inbox.chat.you', { name: m.senderName }) : m.senderName}</div>}
        {m.replyTo && (
          <button type="button" className="bubble-quote" data-testid="message-quote" onClick={() => onQuote(m.replyTo!.id)}>
            <span className="bubble-quote-who">{m.replyTo.senderName}</span>
            <span className="bubble-quote-text">{m.replyTo.text || t('inbox.chat.quoteMedia')}</span>
          </button>
        )}
        {m.media && <MessageMedia message={m} media={m.media} />}
        {m.text && <p className="bubble-text">{m.text}</p>}
        <footer className="bubble-meta">
          {deleted && (
            <span className="bubble-deleted" title={formats.full(m.deletedAt!)}>
              {t('inbox.chat.deleted')}
            </span>
          )}
          {m.editedAt !== null && <EditedMarker message={m} />}
          <time dateTime={new Date(m.date).toISOString()} title={formats.full(m.date)}>
            {formats.clock(m.date)}
          </time>
          {!deleted && onReply && (
            <button type="button" className="bubble-action" data-testid="message-reply" onClick={() => onReply(m)}>
              {t('inbox.chat.reply')}
            </button>
          )}
        </footer>
        {m.outgoing && m.delivery && <DeliveryStatus message={m} delivery={m.delivery} />}
      </article>
    </div>
  );
});
