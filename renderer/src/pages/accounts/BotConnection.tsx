import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BotApiServerField } from './BotApiServerField';
import type { BotView } from '../../../../shared/domain/connections';
import { useStores } from '../../stores/context';
import { useDateTimeFormat } from '../../ui/use-date-format';
import { useInboxFormats } from '../inbox/format';
import './bot-connection.css';

/** Which Bot API server the bot talks to and what that lets it send and fetch. */
function ServerLine({ bot }: { bot: BotView }) {
  const { t } = useTranslation();
  const { useBotEndpointsStore } = useStores();
  const appServer = useBotEndpointsStore((s) => s.value?.apiServer ?? null);
  const { size } = useInboxFormats();
  const server = bot.apiServer ?? (appServer ? t('botEndpoints.bot.appServer', { url: appServer }) : t('botEndpoints.bot.telegramServer'));
  const { uploadBytes, downloadBytes } = bot.fileLimits;
  return (
    <p className="bot-conn-line" data-testid="bot-server">
      {t('botEndpoints.bot.server', { server })} ·{' '}
      {t('botEndpoints.bot.limits', { upload: size(uploadBytes), download: downloadBytes === null ? t('botEndpoints.bot.noLimit') : size(downloadBytes) })}
    </p>
  );
}

/** What Telegram last said about a webhook bot's deliveries (getWebhookInfo). */
function WebhookLine({ webhook }: { webhook: NonNullable<BotView['webhook']> }) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  return (
    <>
      <p className="bot-conn-line" data-testid="bot-webhook-pending">
        {t('botEndpoints.bot.pending', { count: webhook.pendingUpdateCount })} · {t('botEndpoints.bot.checkedAt', { at: format(webhook.checkedAt) })}
      </p>
      {webhook.lastErrorAt !== null && (
        <p className="bot-conn-line bot-conn-warning" data-testid="bot-webhook-error">
          {t('botEndpoints.bot.lastError', { at: format(webhook.lastErrorAt), message: webhook.lastErrorMessage ?? '' })}
        </p>
      )}
    </>
  );
}

/** Sets the bot's own Bot API server; the engine checks it with getMe before keeping it. */
function ServerForm({ bot, onDone }: { bot: BotView; onDone(): void }) {
  const { t } = useTranslation();
  const { useBotsStore } = useStores();
  const busy = useBotsStore((s) => s.busy[bot.id] === true);
  const configure = useBotsStore((s) => s.configure);
  const [url, setUrl] = useState(bot.apiServer ?? '');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await configure(bot.id, { apiServer: url.trim() === '' ? null : url.trim() })) onDone();
  };
  return (
    <form className="bot-conn-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <BotApiServerField label={t('botEndpoints.bot.serverLabel')} hint={t('botEndpoints.bot.serverHint')} testId="bot-server-input" value={url} onChange={setUrl} />
      <div className="bot-conn-form-actions">
        <button type="submit" className="button button-small button-primary" data-testid="bot-server-save" disabled={busy}>
          {t('botEndpoints.bot.useServer')}
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          {t('botEndpoints.bot.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Under a bot's row: its Bot API server and limits, webhook health, and how to change either. */
export function BotConnection({ bot }: { bot: BotView }) {
  const { t } = useTranslation();
  const { useBotsStore, useBotEndpointsStore } = useStores();
  const busy = useBotsStore((s) => s.busy[bot.id] === true);
  const configure = useBotsStore((s) => s.configure);
  const endpointsLoaded = useBotEndpointsStore((s) => s.value !== null);
  const loadEndpoints = useBotEndpointsStore((s) => s.load);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!endpointsLoaded) void loadEndpoints();
  }, [endpointsLoaded, loadEndpoints]);

  const otherMode = bot.mode === 'webhook' ? 'polling' : 'webhook';
  return (
    <div className="bot-conn" data-testid="bot-connection">
      <div className="bot-conn-facts">
        <ServerLine bot={bot} />
        {bot.mode === 'webhook' && bot.webhook && <WebhookLine webhook={bot.webhook} />}
      </div>
      <div className="bot-conn-actions">
        <button type="button" className="button button-small" data-testid="bot-switch-mode" disabled={busy} onClick={() => void configure(bot.id, { mode: otherMode })}>
          {t(otherMode === 'webhook' ? 'botEndpoints.bot.toWebhook' : 'botEndpoints.bot.toPolling')}
        </button>
        {!editing && (
          <button type="button" className="button button-small" data-testid="bot-change-server" disabled={busy} onClick={() => setEditing(true)}>
            {t('botEndpoints.bot.changeServer')}
          </button>
        )}
      </div>
      {editing && <ServerForm bot={bot} onDone={() => setEditing(false)} />}
    </div>
  );
}
