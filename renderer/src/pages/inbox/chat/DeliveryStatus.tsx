import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage, DeliveryState } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { useUntilFormat } from '../../../ui/use-date-format';
import { AlertIcon, CheckIcon, ClockIcon } from './media-icons';

/** Two ticks, as Telegram shows a message the other side has read. */
function ReadIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M2 12.5l4.5 4.5L17 6.5" />
      <path d="M11.5 16l1 1L23 6.5" />
    </svg>
  );
}

/** Where an outgoing message stands in the outbox (and whether it was read), and what the operator can do about it. */
export function DeliveryStatus({ message, delivery }: { message: ChatMessage; delivery: DeliveryState }) {
  const { t } = useTranslation();
  const until = useUntilFormat();
  const { useChatStore } = useStores();
  const busy = useChatStore((s) => s.busy[message.id] === true);
  const actionError = useChatStore((s) => s.actionErrors[message.id]);
  const retry = useChatStore((s) => s.retry);
  const cancel = useChatStore((s) => s.cancel);
  const [confirming, setConfirming] = useState(false);
  const read = delivery.state === 'sent' && message.readByRecipient === true;

  let body;
  switch (delivery.state) {
    case 'queued':
      body = (
        <>
          <ClockIcon /> {t('inbox.delivery.queued')}
        </>
      );
      break;
    case 'sending':
      body = (
        <>
          <ClockIcon /> {t('inbox.delivery.sending')}
        </>
      );
      break;
    case 'sent':
      body = read ? (
        <>
          <ReadIcon /> {t('inbox.delivery.read')}
        </>
      ) : (
        <>
          <CheckIcon /> {t('inbox.delivery.sent')}
        </>
      );
      break;
    case 'cancelled':
      body = t('inbox.delivery.cancelled');
      break;
    case 'waiting':
      body = (
        <>
          <ClockIcon /> {t('inbox.delivery.waiting', { time: until(delivery.until, true), reason: delivery.reason })}
        </>
      );
      break;
    case 'failed':
      body = (
        <>
          <AlertIcon /> {t('inbox.delivery.failed', { reason: delivery.reason })}
          <button type="button" className="button button-small" data-testid="message-retry" disabled={busy} onClick={() => void retry(message)}>
            {t('inbox.delivery.retry')}
          </button>
          <button type="button" className="button button-small" data-testid="message-cancel" disabled={busy} onClick={() => void cancel(message)}>
            {t('inbox.delivery.cancel')}
          </button>
        </>
      );
      break;
    case 'uncertain':
      body = (
        <>
          <AlertIcon /> {t('inbox.delivery.uncertain', { reason: delivery.reason })}
          <span className="delivery-explain">{t('inbox.delivery.uncertainExplain')}</span>
          {confirming ? (
            <span className="delivery-confirm" role="group" aria-label={t('inbox.delivery.sendAgainAsk')}>
              <span>{t('inbox.delivery.sendAgainAsk')}</span>
              <button
                type="button"
                className="button button-small button-danger"
                data-testid="message-send-again-confirm"
                disabled={busy}
                onClick={() => {
                  setConfirming(false);
                  void retry(message);
                }}
              >
                {t('inbox.delivery.sendAgainYes')}
              </button>
              <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
                {t('inbox.delivery.sendAgainNo')}
              </button>
            </span>
          ) : (
            <button type="button" className="button button-small" data-testid="message-send-again" disabled={busy} onClick={() => setConfirming(true)}>
              {t('inbox.delivery.sendAgain')}
            </button>
          )}
        </>
      );
      break;
  }

  return (
    <div className="delivery" data-testid="message-delivery" data-state={delivery.state} data-read={read}>
      {body}
      {actionError && (
        <span className="field-error" role="alert">
          {t('inbox.delivery.actionError', { message: actionError })}
        </span>
      )}
    </div>
  );
}
