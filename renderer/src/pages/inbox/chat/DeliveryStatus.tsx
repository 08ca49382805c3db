import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage, DeliveryState } from '../../../../../shared/domain/inbox';
import { useStores } from '../../../stores/context';
import { useUntilFormat } from '../../../ui/use-date-format';
import { AlertIcon, CheckIcon, ClockIcon } from './media-icons';

/** Where an outgoing message stands in the outbox, and what the operator can do about it. */
export function DeliveryStatus({ message, delivery }: { message: ChatMessage; delivery: DeliveryState }) {
  const { t } = useTranslation();
  const until = useUntilFormat();
  const { useChatStore } = useStores();
  const busy = useChatStore((s) => s.busy[message.id] === true);
  const actionError = useChatStore((s) => s.actionErrors[message.id]);
  const retry = useChatStore((s) => s.retry);
  const cancel = useChatStore((s) => s.cancel);
  const [confirming, setConfirming] = useState(false);

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
      body = (
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
    <div className="delivery" data-testid="message-delivery" data-state={delivery.state}>
      {body}
      {actionError && (
        <span className="field-error" role="alert">
          {t('inbox.delivery.actionError', { message: actionError })}
        </span>
      )}
    </div>
  );
}
