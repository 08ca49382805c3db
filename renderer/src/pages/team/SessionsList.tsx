import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../stores/context';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { useDateTimeFormat } from '../../ui/use-date-format';
import { RefusalText } from './RefusalText';

/** Where an operator is signed in (their own when `operatorId` is undefined), each with a way to end it. */
export function SessionsList({ operatorId }: { operatorId?: string }) {
  const { t } = useTranslation();
  const { useSessionsStore } = useStores();
  const sessions = useSessionsStore((s) => s.sessions);
  const loaded = useSessionsStore((s) => s.loaded && s.operatorId === operatorId);
  const error = useSessionsStore((s) => s.error);
  const load = useSessionsStore((s) => s.load);
  const revoke = useSessionsStore((s) => s.revoke);
  const format = useDateTimeFormat();

  useEffect(() => {
    void load(operatorId);
  }, [load, operatorId]);

  if (!loaded) return <p className="field-hint">{t('common.loading')}</p>;
  return (
    <div className="sessions" data-testid="sessions">
      <RefusalText error={error} testId="sessions-error" />
      {sessions.length === 0 ? (
        <p className="field-hint" data-testid="sessions-none">
          {t('team.sessions.none')}
        </p>
      ) : (
        <ul className="session-list">
          {sessions.map((s) => (
            <li key={s.id} className="session-row" data-testid="session-row">
              <div className="session-what">
                <span className="session-agent">{s.userAgent ?? t('team.sessions.unknownApp')}</span>
                {s.current && <span className="badge">{t('team.sessions.current')}</span>}
                <span className="field-hint">
                  {t('team.sessions.details', { address: s.address ?? '—', since: format(s.createdAt), seen: format(s.lastSeenAt), expires: format(s.expiresAt) })}
                </span>
              </div>
              <ConfirmButton
                label={t('team.sessions.revoke')}
                question={s.current ? t('team.sessions.revokeCurrent') : t('team.sessions.revokeAsk')}
                confirmLabel={t('team.sessions.revokeConfirm')}
                testId="session-revoke"
                onConfirm={() => revoke(s.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
