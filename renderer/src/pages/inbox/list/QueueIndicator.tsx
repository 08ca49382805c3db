import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../../stores/context';
import { queueTotals } from '../../../stores/inbox/queues-store';
import { useWorksAsTeam } from '../../../stores/operators/use-works-as-team';
import { useNow } from '../../../ui/use-now';
import { waitText } from '../../team/wait-text';

/**
 * (Shown once the desk has a team: alone, the admin's inbox stays as it was.)
 * How many conversations wait for someone and how long the oldest has waited, per account or
 * bot on expanding; "Take next" gives this operator the longest-waiting one (Alt+N).
 */
export function QueueIndicator() {
  const { t } = useTranslation();
  const { useQueuesStore } = useStores();
  const queues = useQueuesStore((s) => s.queues);
  const loaded = useQueuesStore((s) => s.loaded);
  const taking = useQueuesStore((s) => s.taking);
  const takeError = useQueuesStore((s) => s.takeError);
  const nothingWaiting = useQueuesStore((s) => s.nothingWaiting);
  const takeNext = useQueuesStore((s) => s.takeNext);
  const ensureLoaded = useQueuesStore((s) => s.ensureLoaded);
  const { waiting, oldestSince } = queueTotals(queues);
  const now = useNow(oldestSince !== null);
  const team = useWorksAsTeam();

  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);

  if (!loaded || !team) return null;
  return (
    <div className="queue-indicator" data-testid="queue-indicator" data-waiting={waiting}>
      <details className="queue-summary">
        <summary>
          <span className="queue-count" data-testid="queue-total">
            {waiting === 0 ? t('queue.empty') : t('queue.waiting', { count: waiting })}
          </span>
          {oldestSince !== null && (
            <span className="queue-oldest" data-testid="queue-oldest">
              {t('queue.oldest', { wait: waitText(t, oldestSince, now) })}
            </span>
          )}
        </summary>
        <ul className="queue-senders" aria-label={t('queue.perSender')}>
          {queues.map((q) => (
            <li key={`${q.sender.kind}:${q.sender.id}`} data-testid="queue-sender">
              <span className="queue-sender-name">{q.senderName}</span>
              <span>{t('queue.waiting', { count: q.waiting })}</span>
              {q.oldestSince !== null && <span className="queue-oldest">{waitText(t, q.oldestSince, now)}</span>}
            </li>
          ))}
        </ul>
      </details>
      <button
        type="button"
        className="button button-small button-primary"
        data-testid="take-next"
        aria-keyshortcuts="Alt+N"
        title={t('queue.takeNextHint')}
        disabled={taking || waiting === 0}
        onClick={() => void takeNext()}
      >
        {t('queue.takeNext')}
      </button>
      {(takeError || nothingWaiting) && (
        <p className={takeError ? 'field-error' : 'field-hint'} role={takeError ? 'alert' : 'status'} data-testid="take-next-result">
          {takeError ? (takeError.code === 'forbidden' ? t('queue.forbidden') : t('queue.takeError', { message: takeError.message })) : t('queue.nothingWaiting')}
        </p>
      )}
    </div>
  );
}
