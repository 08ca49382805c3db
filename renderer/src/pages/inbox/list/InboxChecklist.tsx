import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaId } from '../../../app/areas';
import { useStores } from '../../../stores/context';

interface Step {
  id: 'account' | 'bot' | 'people';
  done: boolean;
  /** Where the step is done; none when it is up to people outside the desk. */
  where: AreaId | null;
}

/**
 * What an empty inbox waits for, as steps ticked off as they are done. The sandbox names its
 * own account, bot and console; real Telegram names the same steps without the console.
 */
export function InboxChecklist() {
  const { t } = useTranslation();
  const { useAccountsStore, useBotsStore, useSystemStore, useNavigationStore } = useStores();
  const hasAccount = useAccountsStore((s) => s.items.length > 0);
  const hasBot = useBotsStore((s) => s.items.length > 0);
  const ensureAccounts = useAccountsStore((s) => s.ensureLoaded);
  const ensureBots = useBotsStore((s) => s.ensureLoaded);
  const inSandbox = useSystemStore((s) => s.status?.workspace !== 'telegram');
  const go = useNavigationStore((s) => s.go);

  useEffect(() => {
    void ensureAccounts();
    void ensureBots();
  }, [ensureAccounts, ensureBots]);

  const workspace = inSandbox ? 'sandbox' : 'telegram';
  const steps: Step[] = [
    { id: 'account', done: hasAccount, where: 'accounts' },
    { id: 'bot', done: hasBot, where: 'accounts' },
    // Done means a conversation exists, and then the list is no longer empty.
    { id: 'people', done: false, where: inSandbox ? 'sandbox' : null },
  ];

  return (
    <div className="inbox-empty" data-testid="inbox-checklist">
      <p className="inbox-empty-title">{t('inbox.checklist.title')}</p>
      <p>{t('inbox.checklist.text')}</p>
      <ol className="checklist">
        {steps.map(({ id, done, where }, index) => (
          <li key={id} className="checklist-step" data-testid={`checklist-${id}`} data-done={done ? 'true' : 'false'}>
            <span className="checklist-mark" aria-hidden="true">
              {done ? '✓' : index + 1}
            </span>
            <span className="checklist-body">
              <span className="checklist-text">
                {t(`inbox.checklist.${workspace}.${id}`)}
                {done && <span className="visually-hidden"> {t('inbox.checklist.done')}</span>}
              </span>
              {where && (
                <button type="button" className="checklist-go" onClick={() => go(where)}>
                  {t(`nav.areas.${where}`)} →
                </button>
              )}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
