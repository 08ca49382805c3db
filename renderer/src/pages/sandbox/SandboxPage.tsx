import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../stores/context';
import { ActionPanel } from './ActionPanel';
import { ActivityFeed } from './ActivityFeed';
import { AutoActivity, ResetSandbox } from './ConsoleControls';
import { InfoCard } from './InfoCard';
import { PeopleList } from './PeopleList';
import './sandbox.css';

/** How often the open console re-reads the sandbox for login codes and session counts. */
export const SANDBOX_POLL_MS = 2000;

/** The sandbox console: act as a simulated person and watch what the simulated Telegram does. */
export function SandboxPage() {
  const { t } = useTranslation();
  const { useSystemStore, useNavigationStore } = useStores();
  const workspace = useSystemStore((s) => s.status?.workspace);
  const go = useNavigationStore((s) => s.go);

  if (!workspace) return <div className="page-state">{t('common.loading')}</div>;
  if (workspace !== 'sandbox') {
    return (
      <div className="page-state" data-testid="sandbox-inactive">
        <p>{t('sandbox.inactive')}</p>
        <button type="button" className="button" onClick={() => go('settings')}>
          {t('sandbox.openSettings')}
        </button>
      </div>
    );
  }
  return <SandboxConsole />;
}

function SandboxConsole() {
  const { t } = useTranslation();
  const { useSandboxStore } = useStores();
  const status = useSandboxStore((s) => s.status);
  const error = useSandboxStore((s) => s.error);
  const load = useSandboxStore((s) => s.load);
  const ensureLoaded = useSandboxStore((s) => s.ensureLoaded);
  const [chosenId, setChosenId] = useState<number | null>(null);

  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);

  // Login codes and session counts change without an event the window hears: a code is sent
  // before any account exists (so no `accounts.changed`), and sessions may be opened by clients
  // outside the desk. Polling while the console is open is the one way to catch them all, and
  // a local status read every few seconds costs nothing worth saving.
  const hasAccounts = useSandboxStore((s) => s.status?.targets.some((x) => x.kind === 'account') ?? false);
  useEffect(() => {
    if (!hasAccounts) return;
    const timer = setInterval(() => void load(), SANDBOX_POLL_MS);
    return () => clearInterval(timer);
  }, [hasAccounts, load]);

  if (!status) {
    if (error) {
      return (
        <div className="page-state" role="alert">
          <p>{t('sandbox.loadError', { message: error })}</p>
          <button type="button" className="button" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      );
    }
    return <div className="page-state">{t('common.loading')}</div>;
  }
  if (!status.active) return <div className="page-state" data-testid="sandbox-inactive">{t('sandbox.inactive')}</div>;

  // Until the operator picks someone, the console acts as the first person.
  const person = status.people.find((p) => p.id === chosenId) ?? status.people[0] ?? null;

  return (
    <div className="sandbox-console" data-testid="sandbox-console">
      <PeopleList people={status.people} selectedId={person?.id ?? null} onSelect={setChosenId} />
      <div className="sandbox-main">
        {person ? (
          <ActionPanel person={person} targets={status.targets} />
        ) : (
          <p className="page-state">{t('sandbox.people.empty')}</p>
        )}
        <ActivityFeed />
      </div>
      <div className="sandbox-side">
        <InfoCard botApiUrl={status.botApiUrl} targets={status.targets} />
        <AutoActivity value={status.autoActivity} />
        <ResetSandbox />
      </div>
    </div>
  );
}
