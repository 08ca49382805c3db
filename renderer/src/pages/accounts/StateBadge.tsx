import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../../../shared/domain/connections';
import { useUntilFormat } from '../../ui/use-date-format';
import { formatCountdown, secondsUntil, useNow } from '../../ui/use-now';

/** States in which the connection runs or tries to, so Stop is the action that makes sense. */
export const RUNNING: ReadonlySet<ConnectionState['status']> = new Set(['connecting', 'online', 'reconnecting', 'flood_wait']);

/** Badge colours by how much the state asks of the operator. */
const TONE: Record<ConnectionState['status'], string> = {
  connecting: 'badge-wait',
  online: 'badge-ok',
  reconnecting: 'badge-wait',
  flood_wait: 'badge-wait',
  needs_sign_in: 'badge-bad',
  stopped: '',
  error: 'badge-bad',
};

/** The line under the badge: a live countdown, the end of a wait, or the engine's reason. */
function useDetail(state: ConnectionState): string | null {
  const { t } = useTranslation();
  const formatUntil = useUntilFormat();
  const now = useNow(state.status === 'reconnecting');
  switch (state.status) {
    case 'reconnecting': {
      const left = secondsUntil(state.nextTryAt, now);
      return left > 0
        ? t('accounts.state.nextTry', { attempt: state.attempt, left: formatCountdown(left) })
        : t('accounts.state.tryingNow', { attempt: state.attempt });
    }
    case 'flood_wait':
      return t('accounts.state.until', { time: formatUntil(state.until, true) });
    case 'needs_sign_in':
    case 'error':
      return state.reason;
    default:
      return null;
  }
}

/** The live state of an account or bot: a short badge and, where there is one, its detail. */
export function StateBadge({ state, testId }: { state: ConnectionState; testId: string }) {
  const { t } = useTranslation();
  const detail = useDetail(state);
  const reason = state.status === 'reconnecting' ? state.reason : null;
  return (
    <span className="conn-state" data-testid={testId}>
      <span className={`badge ${TONE[state.status]}`}>{t(`accounts.state.${state.status}`)}</span>
      {detail && <span className="conn-detail">{detail}</span>}
      {reason && <span className="conn-reason">{reason}</span>}
    </span>
  );
}
