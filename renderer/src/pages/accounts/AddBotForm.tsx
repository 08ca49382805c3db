import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BotApiServerField } from './BotApiServerField';
import type { DeskErrorShape } from '../../../../shared/contract/result';
import type { BotMode } from '../../stores/accounts/bots-store';
import { useStores } from '../../stores/context';
import { useDismissAfter } from '../../ui/use-dismiss-after';
import { ErrorText } from './error-text';

const MODES: readonly BotMode[] = ['polling', 'webhook'];

/** What the form says about a refused token; the engine's own wording only as the last resort. */
function AddError({ error }: { error: DeskErrorShape }) {
  const { t } = useTranslation();
  if (error.code === 'conflict') return <>{t('accounts.bots.add.conflict')}</>;
  if (error.code === 'invalid_input') {
    // The engine names the field first ("token: does not look like a bot token").
    return <>{t('accounts.bots.add.invalid', { message: error.message.replace(/^token:\s*/, '') })}</>;
  }
  return <ErrorText error={error} />;
}

/** Adds a bot by its token; the engine checks it with Telegram before anything is saved. */
export function AddBotForm() {
  const { t } = useTranslation();
  const { useBotsStore } = useStores();
  const adding = useBotsStore((s) => s.adding);
  const addError = useBotsStore((s) => s.addError);
  const add = useBotsStore((s) => s.add);
  const ids = useId();
  const [token, setToken] = useState('');
  const [mode, setMode] = useState<BotMode>('polling');
  const [apiServer, setApiServer] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  useDismissAfter(added !== null, () => setAdded(null));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (adding || token.trim() === '') return;
    setAdded(null);
    const bot = await add(token.trim(), mode, apiServer.trim() || null);
    if (bot) {
      setToken('');
      setApiServer('');
      setAdded(bot.username);
    }
  };

  return (
    <form className="conn-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="conn-form-title">
        {t('accounts.bots.add.title')}
      </h3>
      <div className="conn-fields">
        <label className="conn-field conn-grow">
          <span>{t('accounts.bots.add.token')}</span>
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            data-testid="bot-token"
            value={token}
            aria-invalid={addError ? true : undefined}
            aria-describedby={`${ids}-token-hint`}
            onChange={(e) => {
              setToken(e.target.value);
              setAdded(null);
            }}
          />
          <span className="field-hint" id={`${ids}-token-hint`}>
            {t('accounts.bots.add.tokenHint')}
          </span>
        </label>
        <label className="conn-field">
          <span>{t('accounts.bots.add.mode')}</span>
          <select data-testid="bot-mode" value={mode} onChange={(e) => setMode(e.target.value as BotMode)}>
            {MODES.map((m) => (
              <option key={m} value={m}>
                {t(`accounts.bots.modes.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <BotApiServerField
          label={t('botEndpoints.add.apiServer')}
          hint={t('botEndpoints.add.apiServerHint')}
          testId="bot-api-server"
          value={apiServer}
          onChange={setApiServer}
        />
      </div>
      <p className="field-hint">{t('accounts.bots.add.modeHint')}</p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="bot-add" disabled={adding || token.trim() === ''}>
          {adding ? t('accounts.bots.add.adding') : t('accounts.bots.add.button')}
        </button>
        <span role="status" className="form-saved">
          {added && <span data-testid="bot-added">{t('accounts.bots.add.added', { username: added })}</span>}
        </span>
      </div>
      {addError && (
        <p className="form-error" role="alert" data-testid="bot-error">
          <AddError error={addError} />
        </p>
      )}
    </form>
  );
}
