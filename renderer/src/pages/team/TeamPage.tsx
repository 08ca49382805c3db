import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../stores/context';
import { currentRole } from '../../stores/operators/me-store';
import { AREA_ICONS } from '../../ui/icons';
import { InviteDialog } from './InviteDialog';
import { OperatorsTable } from './OperatorsTable';
import { RefusalText } from './RefusalText';
import { SessionsList } from './SessionsList';
import { ShareSection } from './ShareSection';
import './team.css';

function OperatorsSection({ admin }: { admin: boolean }) {
  const { t } = useTranslation();
  const { useOperatorsStore, useAccountsStore, useBotsStore } = useStores();
  const loaded = useOperatorsStore((s) => s.loaded);
  const loadError = useOperatorsStore((s) => s.loadError);
  const load = useOperatorsStore((s) => s.load);
  const ensureAccounts = useAccountsStore((s) => s.ensureLoaded);
  const ensureBots = useBotsStore((s) => s.ensureLoaded);
  const [inviting, setInviting] = useState(false);
  const ids = useId();

  useEffect(() => {
    void load();
    // The senders column names accounts and bots.
    if (admin) {
      void ensureAccounts();
      void ensureBots();
    }
  }, [load, admin, ensureAccounts, ensureBots]);

  return (
    <section className="team-section" aria-labelledby={`${ids}-title`} data-testid="operators-section">
      <div className="team-section-head">
        <h2 id={`${ids}-title`}>{t('team.operators.title')}</h2>
        {admin && (
          <button type="button" className="button button-primary" data-testid="operator-invite" onClick={() => setInviting(true)}>
            {t('team.operators.invite')}
          </button>
        )}
      </div>
      {!admin && <p className="field-hint">{t('team.operators.readOnly')}</p>}
      {loadError ? (
        <div>
          <RefusalText error={loadError} testId="operators-load-error" />
          <button type="button" className="button" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      ) : loaded ? (
        <OperatorsTable admin={admin} />
      ) : (
        <p className="field-hint">{t('common.loading')}</p>
      )}
      {inviting && <InviteDialog onClose={() => setInviting(false)} />}
    </section>
  );
}

/** The operator's own sign-ins on the hub, where an admin does not manage them for them. */
function MySessionsSection() {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <section className="team-section" aria-labelledby={`${ids}-title`} data-testid="my-sessions">
      <h2 id={`${ids}-title`}>{t('team.sessions.mine')}</h2>
      <SessionsList />
    </section>
  );
}

/** Team tasks arrive with their own work; the place is kept so the area reads as one. */
function TasksStub() {
  const { t } = useTranslation();
  const ids = useId();
  const Icon = AREA_ICONS.team;
  return (
    <section className="team-section team-tasks" aria-labelledby={`${ids}-title`} data-testid="team-tasks">
      <h2 id={`${ids}-title`}>{t('team.tasks.title')}</h2>
      <div className="team-tasks-body">
        <Icon className="planned-area-icon" width={28} height={28} />
        <div>
          <p>{t('placeholder.descriptions.team')}</p>
          <p className="planned-area-notice">{t('placeholder.notAvailable')}</p>
        </div>
      </div>
    </section>
  );
}

/** The team: who works the desk and how busy they are, sharing the desk with them, and (later) their tasks. */
export function TeamPage() {
  const { t } = useTranslation();
  const { useMeStore } = useStores();
  const admin = useMeStore((s) => currentRole(s.me) === 'admin');
  const hubSession = useMeStore((s) => s.sessionId !== null);
  // Which parts show depends on the role: an operator must not see (or ask for) admin parts first.
  const settled = useMeStore((s) => s.settled);
  if (!settled) return <p className="page-state">{t('common.loading')}</p>;
  return (
    <div className="team-page" data-testid="team-page">
      <OperatorsSection admin={admin} />
      {admin && <ShareSection />}
      {(!admin || hubSession) && <MySessionsSection />}
      <TasksStub />
    </div>
  );
}
