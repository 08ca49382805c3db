import { useTranslation } from 'react-i18next';
import type { BotView } from '../../../../shared/domain/connections';
import { useStores } from '../../stores/context';
import { BotConnection } from './BotConnection';
import { BotFlowsPanel } from './bot-flows/BotFlowsPanel';
import { ErrorText } from './error-text';
import { RUNNING, StateBadge } from './StateBadge';
import { ConfirmButton } from '../../ui/ConfirmButton';

function BotRow({ bot }: { bot: BotView }) {
  const { t } = useTranslation();
  const { useBotsStore } = useStores();
  const busy = useBotsStore((s) => s.busy[bot.id] === true);
  const error = useBotsStore((s) => s.rowErrors[bot.id]);
  const { start, stop, remove } = useBotsStore.getState();
  const status = bot.state.status;

  return (
    <li className="conn-row" data-testid="bot-row" data-id={bot.id} data-state={status}>
      <div className="conn-who">
        <span className="conn-name">@{bot.username}</span>
        <span className="conn-handles">
          <span>{bot.firstName}</span>
          <span className="badge">{t(`accounts.bots.modes.${bot.mode}`)}</span>
        </span>
      </div>
      <StateBadge state={bot.state} testId="bot-state" />
      <div className="conn-actions">
        {RUNNING.has(status) ? (
          <button type="button" className="button button-small" data-testid="bot-stop" disabled={busy} onClick={() => void stop(bot.id)}>
            {t('accounts.actions.stop')}
          </button>
        ) : (
          <button type="button" className="button button-small" data-testid="bot-start" disabled={busy} onClick={() => void start(bot.id)}>
            {t('accounts.actions.start')}
          </button>
        )}
        <ConfirmButton testId="bot-remove" label={t('accounts.actions.remove')} confirmLabel={t('accounts.actions.confirmRemove')} question={t('accounts.bots.removeAsk', { name: bot.username })} busy={busy} onConfirm={() => remove(bot.id)} />
      </div>
      <BotConnection bot={bot} />
      <BotFlowsPanel botId={bot.id} />
      {error && (
        <p className="conn-error" role="alert" data-testid="bot-row-error">
          <ErrorText error={error} />
        </p>
      )}
    </li>
  );
}

export function BotsList() {
  const { t } = useTranslation();
  const { useBotsStore } = useStores();
  const items = useBotsStore((s) => s.items);
  const loaded = useBotsStore((s) => s.loaded);
  const loadError = useBotsStore((s) => s.loadError);
  const load = useBotsStore((s) => s.load);

  if (loadError && !loaded) {
    return (
      <div className="page-state" role="alert">
        <p>{t('accounts.bots.loadError', { message: loadError })}</p>
        <button type="button" className="button" onClick={() => void load()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (!loaded) return <p className="page-state">{t('common.loading')}</p>;
  if (items.length === 0) return <p className="conn-empty" data-testid="bots-empty">{t('accounts.bots.empty')}</p>;
  return (
    <ul className="conn-list" data-testid="bot-list">
      {items.map((bot) => (
        <BotRow key={bot.id} bot={bot} />
      ))}
    </ul>
  );
}
