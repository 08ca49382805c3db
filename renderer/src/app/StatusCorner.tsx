import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../client/connection';
import { useStores } from '../stores/context';

function problemText(t: TFunction, state: ConnectionState): string | null {
  switch (state.status) {
    case 'connected':
      return null;
    case 'offline':
      return t('connection.offline');
    case 'reconnecting':
      // Attempt 0 is the very first connection, not a reconnect.
      return state.attempt === 0 ? t('connection.connecting') : t('connection.reconnecting', { attempt: state.attempt });
  }
}

/**
 * The window's own health, in the corner under the navigation. It says nothing while the engine
 * answers, so operators see it only when something needs their attention. The live region
 * stays in place even when empty, so a screen reader hears the moment it speaks up.
 */
export function StatusCorner() {
  const { t } = useTranslation();
  const state = useStores().useConnectionStore((s) => s.state);
  const problem = problemText(t, state);
  return (
    <div className="status-corner" data-testid="connection" data-state={state.status} role="status">
      {problem && (
        <>
          <span className="status-corner-dot" aria-hidden="true" />
          <span className="visually-hidden">{t('connection.label')}: </span>
          <span>{problem}</span>
        </>
      )}
    </div>
  );
}
