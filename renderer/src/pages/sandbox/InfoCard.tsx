import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SandboxTarget } from '../../../../shared/domain/sandbox';
import { CopyButton } from '../../ui/CopyButton';
import { AccountTarget } from './AccountTarget';

/** What is needed to try the sandbox from outside the console: a bot's API root, sign-in details. */
export function InfoCard({ botApiUrl, targets }: { botApiUrl: string | null; targets: SandboxTarget[] }) {
  const { t } = useTranslation();
  const ids = useId();
  const accounts = targets.filter((x) => x.kind === 'account');
  const bots = targets.filter((x) => x.kind === 'bot');
  return (
    <section className="sandbox-card" aria-labelledby={`${ids}-title`} data-testid="sandbox-info">
      <h2 id={`${ids}-title`} className="sandbox-card-title">
        {t('sandbox.info.title')}
      </h2>
      <h3 className="sandbox-subtitle">{t('sandbox.info.botApi')}</h3>
      {botApiUrl ? (
        <div className="sandbox-copy-row">
          <code className="sandbox-code" data-testid="sandbox-bot-api-url">
            {botApiUrl}
          </code>
          <CopyButton text={botApiUrl} testId="sandbox-copy-url" />
        </div>
      ) : (
        <p className="field-hint">{t('sandbox.info.botApiOff')}</p>
      )}
      <p className="field-hint">{t('sandbox.info.botApiHint')}</p>
      {bots.length > 0 && (
        <>
          <h3 className="sandbox-subtitle">{t('sandbox.info.bots')}</h3>
          <ul className="sandbox-plain-list">
            {bots.map((bot) => (
              <li key={bot.id} data-testid="sandbox-info-bot">
                {bot.name}
                {bot.username && <code className="sandbox-code">@{bot.username}</code>}
                {bot.botToken && (
                  <div className="field-hint">
                    {t('sandbox.info.botToken')}: <code className="sandbox-code" data-testid="sandbox-bot-token">{bot.botToken}</code>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {accounts.length > 0 && (
        <>
          <h3 className="sandbox-subtitle">{t('sandbox.info.accounts')}</h3>
          <dl className="sandbox-accounts">
            {accounts.map((account) => (
              <AccountTarget key={account.id} account={account} />
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
