import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/domain/connections';
import { useStores } from '../../stores/context';
import { BenchNotice } from './BenchNotice';
import { DailyCaps } from './DailyCaps';
import { ErrorText } from './error-text';
import { RUNNING, StateBadge } from './StateBadge';
import { ConfirmButton } from '../../ui/ConfirmButton';

export function accountName(account: AccountView): string {
  return `${account.firstName} ${account.lastName}`.trim();
}

function AccountRow({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const { useAccountsStore } = useStores();
  const busy = useAccountsStore((s) => s.busy[account.id] === true);
  const error = useAccountsStore((s) => s.rowErrors[account.id]);
  const bench = useAccountsStore((s) => s.benches[account.id]);
  const { start, stop, remove, reSignIn } = useAccountsStore.getState();
  const status = account.state.status;
  const name = accountName(account) || t('accounts.accounts.noName');

  return (
    <li className="conn-row" data-testid="account-row" data-id={account.id} data-state={status}>
      <div className="conn-who">
        <span className="conn-name">{name}</span>
        <span className="conn-handles">
          <span>{account.phone}</span>
          {account.username && <span>@{account.username}</span>}
          {account.ownApiCredentials && <span className="badge">{t('accounts.accounts.ownApi')}</span>}
        </span>
      </div>
      <StateBadge state={account.state} testId="account-state" />
      <div className="conn-actions">
        {status === 'needs_sign_in' && (
          <button type="button" className="button button-small button-primary" data-testid="account-resignin" disabled={busy} onClick={() => void reSignIn(account.id)}>
            {t('accounts.accounts.reSignIn')}
          </button>
        )}
        {RUNNING.has(status) ? (
          <button type="button" className="button button-small" data-testid="account-stop" disabled={busy} onClick={() => void stop(account.id)}>
            {t('accounts.actions.stop')}
          </button>
        ) : (
          status !== 'needs_sign_in' && (
            <button type="button" className="button button-small" data-testid="account-start" disabled={busy} onClick={() => void start(account.id)}>
              {t('accounts.actions.start')}
            </button>
          )
        )}
        <ConfirmButton testId="account-remove" label={t('accounts.actions.remove')} confirmLabel={t('accounts.actions.confirmRemove')} question={t('accounts.accounts.removeAsk', { name })} busy={busy} onConfirm={() => remove(account.id)} />
      </div>
      {bench && <BenchNotice bench={bench} busy={busy} />}
      <DailyCaps accountId={account.id} />
      {error && (
        <p className="conn-error" role="alert" data-testid="account-row-error">
          <ErrorText error={error} />
        </p>
      )}
    </li>
  );
}

export function AccountsList() {
  const { t } = useTranslation();
  const { useAccountsStore } = useStores();
  const items = useAccountsStore((s) => s.items);
  const loaded = useAccountsStore((s) => s.loaded);
  const loadError = useAccountsStore((s) => s.loadError);
  const load = useAccountsStore((s) => s.load);
  const benchesError = useAccountsStore((s) => s.benchesError);

  if (loadError && !loaded) {
    return (
      <div className="page-state" role="alert">
        <p>{t('accounts.accounts.loadError', { message: loadError })}</p>
        <button type="button" className="button" onClick={() => void load()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (!loaded) return <p className="page-state">{t('common.loading')}</p>;
  if (items.length === 0) return <p className="conn-empty" data-testid="accounts-empty">{t('accounts.accounts.empty')}</p>;
  return (
    <>
      <ul className="conn-list" data-testid="account-list">
        {items.map((account) => (
          <AccountRow key={account.id} account={account} />
        ))}
      </ul>
      {benchesError && (
        <p className="field-error" role="alert" data-testid="benches-error">
          {t('accounts.bench.loadError', { message: benchesError })}
        </p>
      )}
    </>
  );
}
