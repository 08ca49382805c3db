import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionEndReason } from '../stores/operators/me-store';
import './presence.css';

/** The whole window once its session ended: why, and the one way on. */
export function SessionEnded({ reason, onSignIn }: { reason: SessionEndReason; onSignIn(): void }) {
  const { t } = useTranslation();
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => buttonRef.current?.focus(), []);
  return (
    <main className="session-ended" data-testid="session-ended" role="alertdialog" aria-labelledby="session-ended-title" aria-describedby="session-ended-text">
      <h1 id="session-ended-title">{t('session.ended.title')}</h1>
      <p id="session-ended-text">{t(`session.ended.reasons.${reason}`)}</p>
      <button ref={buttonRef} type="button" className="button button-primary" data-testid="sign-in-again" onClick={onSignIn}>
        {t('session.ended.signIn')}
      </button>
    </main>
  );
}
