import { useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { bots } from '../../../../shared/contract/domains/accounts';
import type { DeskErrorShape } from '../../../../shared/contract/result';
import type { BotMode } from '../../stores/accounts/bots-store';
import { useStores } from '../../stores/context';
import { contractResolver } from '../../ui/contract-resolver';
import { Field } from '../../ui/Field';
import { useDismissAfter } from '../../ui/use-dismiss-after';
import { BotApiServerField } from './BotApiServerField';
import { ErrorText } from './error-text';

const MODES: readonly BotMode[] = ['polling', 'webhook'];

interface AddBotFields {
  token: string;
  mode: BotMode;
  /** Empty: the app-wide server. */
  apiServer: string;
}

const EMPTY: AddBotFields = { token: '', mode: 'polling', apiServer: '' };

// `bots.add` as the engine checks it: a token that cannot be one is refused here, in the same words.
const resolver = contractResolver(bots.calls.add.input, ({ token, mode, apiServer }: AddBotFields) =>
  apiServer.trim() === '' ? { token, mode } : { token, mode, apiServer },
);

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
  const [added, setAdded] = useState<string | null>(null);
  useDismissAfter(added !== null, () => setAdded(null));
  const { register, control, handleSubmit, reset, watch, formState } = useForm<AddBotFields, unknown, { token: string; mode: BotMode; apiServer?: string | null }>({
    defaultValues: EMPTY,
    resolver,
  });
  const token = watch('token');

  const onSubmit = handleSubmit(async (input) => {
    if (adding) return;
    setAdded(null);
    const bot = await add(input.token, input.mode, input.apiServer ?? null);
    if (bot) {
      reset({ ...EMPTY, mode: input.mode });
      setAdded(bot.username);
    }
  });
  const tokenProblem = formState.errors.token?.message;

  return (
    <form className="conn-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="conn-form-title">
        {t('accounts.bots.add.title')}
      </h3>
      <div className="conn-fields">
        <Field
          label={t('accounts.bots.add.token')}
          hint={t('accounts.bots.add.tokenHint')}
          error={tokenProblem && t('accounts.bots.add.invalid', { message: tokenProblem })}
          testId="bot-token"
          className="conn-field conn-grow"
        >
          {(a11y) => (
            <input
              {...a11y}
              {...register('token', { onChange: () => setAdded(null) })}
              aria-invalid={a11y['aria-invalid'] ?? (addError ? true : undefined)}
              type="password"
              autoComplete="off"
              spellCheck={false}
              data-testid="bot-token"
            />
          )}
        </Field>
        <Field label={t('accounts.bots.add.mode')} className="conn-field">
          {(a11y) => (
            <select {...a11y} {...register('mode')} data-testid="bot-mode">
              {MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`accounts.bots.modes.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Controller
          control={control}
          name="apiServer"
          render={({ field, fieldState }) => (
            <BotApiServerField
              label={t('botEndpoints.add.apiServer')}
              hint={t('botEndpoints.add.apiServerHint')}
              testId="bot-api-server"
              value={field.value}
              error={fieldState.error?.message}
              onChange={field.onChange}
            />
          )}
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
