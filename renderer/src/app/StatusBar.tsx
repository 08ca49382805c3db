import { useTranslation } from 'react-i18next';
import { useStores } from '../stores/context';
import type { ConnectionState } from '../client/connection';
import type { AreaId } from './areas';

function connectionText(t: ReturnType<typeof useTranslation>['t'], state: ConnectionState): string {
  switch (state.status) {
    case 'connected':
      return t('connection.connected');
    case 'offline':
      return t('connection.offline');
    case 'reconnecting':
      // Attempt 0 is the very first connection, not a reconnect.
      return state.attempt === 0
        ? t('connection.connecting')
        : t('connection.reconnecting', { attempt: state.attempt });
  }
}

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useStores().useConnectionStore((s) => s.state);
  return (
    <div className="connection" data-testid="connection" data-state={state.status} role="status">
      <span className="connection-dot" aria-hidden="true" />
      <span className="visually-hidden">{t('connection.label')}: </span>
      <span>{connectionText(t, state)}</span>
    </div>
  );
}

export function RunModeBadge() {
  const { t } = useTranslation();
  const mode = useStores().useSystemStore((s) => s.status?.mode);
  return (
    <span className="badge" data-testid="run-mode" data-mode={mode ?? 'unknown'}>
      <span className="visually-hidden">{t('mode.label')}: </span>
      {mode ? t(`mode.${mode}`) : t('mode.unknown')}
    </span>
  );
}

export function StatusBar({ area }: { area: AreaId }) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <h1 className="page-title" data-testid="page-title">
        {t(`nav.areas.${area}`)}
      </h1>
      <div className="topbar-status">
        <RunModeBadge />
        <ConnectionIndicator />
      </div>
    </header>
  );
}
