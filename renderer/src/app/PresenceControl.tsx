import { useTranslation } from 'react-i18next';
import { useStores } from '../stores/context';
import './presence.css';
import { useOperatorName } from '../stores/operators/use-operator-name';

/**
 * Who the window is signed in as, whether they are taking conversations (active) or away, and
 * the way out of a hub session. Away is the person's word, sent at once with a heartbeat.
 */
export function PresenceControl() {
  const { t } = useTranslation();
  const nameOf = useOperatorName();
  const { useMeStore } = useStores();
  const me = useMeStore((s) => s.me);
  const away = useMeStore((s) => s.away);
  const setAway = useMeStore((s) => s.setAway);
  const hubSession = useMeStore((s) => s.sessionId !== null);
  const signOut = useMeStore((s) => s.signOut);
  const signOutError = useMeStore((s) => s.signOutError);
  if (!me) return null;
  const shown = away ? 'away' : me.presence;
  return (
    <div className="presence-control" data-testid="presence-control">
      <div className="presence-who">
        <span className="presence-dot" data-presence={shown} aria-hidden="true" />
        <span className="presence-name" data-testid="presence-name">
          {nameOf(me)}
        </span>
        <span className="presence-role">{t(`operatorRoles.${me.role}`)}</span>
      </div>
      <div className="segmented presence-choice" role="group" aria-label={t('presence.myStatus')}>
        <button type="button" className="button button-small" data-testid="presence-active" aria-pressed={!away} onClick={() => setAway(false)}>
          {t('presence.active')}
        </button>
        <button type="button" className="button button-small" data-testid="presence-away" aria-pressed={away} onClick={() => setAway(true)}>
          {t('presence.away')}
        </button>
      </div>
      {hubSession && (
        <button type="button" className="button button-small presence-sign-out" data-testid="sign-out" onClick={() => void signOut()}>
          {t('session.signOut')}
        </button>
      )}
      {signOutError && (
        <p className="field-error" role="alert">
          {t('session.signOutError', { message: signOutError })}
        </p>
      )}
    </div>
  );
}
