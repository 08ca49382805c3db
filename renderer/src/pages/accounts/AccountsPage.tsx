import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../../stores/context';
import { AccountsList } from './AccountsList';
import { AddBotForm } from './AddBotForm';
import { BotsList } from './BotsList';
import { SignInWizard } from './SignInWizard';
import './accounts.css';

/** An admin's "restart every client", with what the engine restarted. */
function RestartAll() {
  const { t } = useTranslation();
  const { useAccountsStore } = useStores();
  const restarting = useAccountsStore((s) => s.restarting);
  const restarted = useAccountsStore((s) => s.restarted);
  const restartError = useAccountsStore((s) => s.restartError);
  const restartAll = useAccountsStore((s) => s.restartAll);
  const ids = useId();
  return (
    <div className="conn-restart">
      <button type="button" className="button" data-testid="restart-all" disabled={restarting} aria-describedby={`${ids}-hint`} onClick={() => void restartAll()}>
        {restarting ? t('accounts.restart.restarting') : t('accounts.restart.button')}
      </button>
      <span className="field-hint" id={`${ids}-hint`}>
        {t('accounts.restart.hint')}
      </span>
      <span role="status" className="form-saved" data-testid="restart-all-result">
        {restarted &&
          t('accounts.restart.done', {
            accounts: t('accounts.restart.accounts', { count: restarted.accounts }),
            bots: t('accounts.restart.bots', { count: restarted.bots }),
          })}
      </span>
      {restartError && (
        <span className="field-error" role="alert">
          {t('accounts.restart.error', { message: restartError })}
        </span>
      )}
    </div>
  );
}

/** Every personal account and bot the desk runs, their live state, and how to add more. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { useAccountsStore, useBotsStore, useSignInStore } = useStores();
  const ensureAccounts = useAccountsStore((s) => s.ensureLoaded);
  const ensureBots = useBotsStore((s) => s.ensureLoaded);
  const wizardOpen = useSignInStore((s) => s.phase.step !== 'closed');
  const openWizard = useSignInStore((s) => s.open);
  const ids = useId();

  useEffect(() => {
    void ensureAccounts();
    void ensureBots();
  }, [ensureAccounts, ensureBots]);

  return (
    <div className="conn-page">
      <RestartAll />
      <section className="conn-section" aria-labelledby={`${ids}-accounts`}>
        <header className="conn-section-head">
          <h2 id={`${ids}-accounts`} className="conn-section-title">
            {t('accounts.accounts.title')}
          </h2>
          {!wizardOpen && (
            <button type="button" className="button button-primary" data-testid="account-add" onClick={openWizard}>
              {t('accounts.accounts.add')}
            </button>
          )}
        </header>
        <SignInWizard />
        <AccountsList />
      </section>
      <section className="conn-section" aria-labelledby={`${ids}-bots`}>
        <header className="conn-section-head">
          <h2 id={`${ids}-bots`} className="conn-section-title">
            {t('accounts.bots.title')}
          </h2>
        </header>
        <BotsList />
        <AddBotForm />
      </section>
    </div>
  );
}
