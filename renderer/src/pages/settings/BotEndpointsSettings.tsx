import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { setBotEndpointsInput } from '../../../../shared/contract/domains/bot-endpoints';
import { trimUrl, type BotEndpoints } from '../../../../shared/domain/bot-endpoints';
import type { BotEndpointField } from '../../stores/accounts/bot-endpoints-store';
import { useStores } from '../../stores/context';
import { contractResolver } from '../../ui/contract-resolver';
import { Field } from '../../ui/Field';

type Draft = Record<BotEndpointField, string>;

const toDraft = (value: BotEndpoints): Draft => ({ webhookBaseUrl: value.webhookBaseUrl ?? '', apiServer: value.apiServer ?? '' });

/** What changed, with an emptied field meaning "none" (null). */
function changes(value: BotEndpoints, draft: Draft): Partial<Record<BotEndpointField, string | null>> {
  const patch: Partial<Record<BotEndpointField, string | null>> = {};
  for (const field of ['webhookBaseUrl', 'apiServer'] as const) {
    const next = draft[field].trim() === '' ? null : trimUrl(draft[field]);
    if (next !== value[field]) patch[field] = next;
  }
  return patch;
}

/**
 * Settings → Bots and Telegram: the public HTTPS address webhooks reach the desk through, and
 * the app-wide Bot API server. Saved on their own: the engine checks both before keeping them.
 */
export function BotEndpointsSettings() {
  const { t } = useTranslation();
  const { useBotEndpointsStore, useSystemStore, useHttpApiStore } = useStores();
  const value = useBotEndpointsStore((s) => s.value);
  const loadError = useBotEndpointsStore((s) => s.loadError);
  const load = useBotEndpointsStore((s) => s.load);
  // The local address follows HTTP intake, so it is read again when the server's address changes.
  const localUrl = useHttpApiStore((s) => s.info?.url);
  useEffect(() => {
    void load();
  }, [load, localUrl]);
  const sandbox = useSystemStore((s) => s.status?.workspace === 'sandbox');

  if (!value) return loadError ? <p className="field-error">{t('botEndpoints.settings.loadError', { message: loadError })}</p> : null;
  return <EndpointsForm value={value} sandbox={sandbox} />;
}

// `bots.setEndpoints` as the engine checks it: an address it would refuse is refused here, in the same words.
const resolver = contractResolver(setBotEndpointsInput, (draft: Draft) => ({
  webhookBaseUrl: draft.webhookBaseUrl.trim() === '' ? null : draft.webhookBaseUrl,
  apiServer: draft.apiServer.trim() === '' ? null : draft.apiServer,
}));

function EndpointsForm({ value, sandbox }: { value: BotEndpoints; sandbox: boolean }) {
  const { t } = useTranslation();
  const { useBotEndpointsStore } = useStores();
  const saving = useBotEndpointsStore((s) => s.saving);
  const saveError = useBotEndpointsStore((s) => s.saveError);
  const savedCount = useBotEndpointsStore((s) => s.savedCount);
  const save = useBotEndpointsStore((s) => s.save);
  const { register, handleSubmit, reset, watch, getValues, formState } = useForm<Draft, unknown, Partial<Record<BotEndpointField, string | null>>>({
    defaultValues: toDraft(value),
    resolver,
  });
  const draft = watch();
  const [base, setBase] = useState(value);
  const [savesAtMount] = useState(savedCount);
  const ids = useId();

  // Saved elsewhere: take the new values unless the operator has typed something unsaved.
  useEffect(() => {
    if (value === base) return;
    if (Object.keys(changes(base, getValues())).length === 0) reset(toDraft(value));
    setBase(value);
  }, [value, base, getValues, reset]);
  const dirty = Object.keys(changes(value, draft)).length > 0;

  const onSubmit = handleSubmit((input) => {
    const patch = changes(value, { webhookBaseUrl: input.webhookBaseUrl ?? '', apiServer: input.apiServer ?? '' });
    if (Object.keys(patch).length > 0 && !saving) void save(patch);
  });

  const field = (name: BotEndpointField, label: string, placeholder: string, hint: string[]) => (
    <Field
      label={label}
      className="field"
      testId={`settings-${name}`}
      error={formState.errors[name]?.message ?? (saveError?.field === name ? saveError.message : undefined)}
      hint={hint.map((line) => (
        <p key={line}>{line}</p>
      ))}
    >
      {(a11y) => <input {...a11y} {...register(name)} data-testid={`settings-${name}`} type="text" inputMode="url" spellCheck={false} placeholder={placeholder} />}
    </Field>
  );

  const webhookHint = [
    value.localWebhookBase ? t('botEndpoints.settings.webhookBaseHint', { local: value.localWebhookBase }) : t('botEndpoints.settings.webhookBaseHintNoIntake'),
    ...(sandbox ? [t('botEndpoints.settings.webhookBaseSandbox')] : []),
  ];
  return (
    <form className="settings bot-endpoints" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${ids}-title`}>
      <fieldset className="settings-section">
        <legend id={`${ids}-title`}>{t('botEndpoints.settings.title')}</legend>
        {field('webhookBaseUrl', t('botEndpoints.settings.webhookBase'), t('botEndpoints.settings.webhookBasePlaceholder'), webhookHint)}
        {field('apiServer', t('botEndpoints.settings.apiServer'), t('botEndpoints.settings.apiServerPlaceholder'), [t('botEndpoints.settings.apiServerHint')])}
        {saveError && !saveError.field && (
          <p className="form-error" role="alert" data-testid="bot-endpoints-error">
            {t('botEndpoints.settings.error', { message: saveError.message })}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="bot-endpoints-save" disabled={!dirty || saving}>
            {saving ? t('botEndpoints.settings.saving') : t('botEndpoints.settings.save')}
          </button>
          {savedCount > savesAtMount && !dirty && !saveError && (
            <span className="form-saved" role="status">
              {t('botEndpoints.settings.saved')}
            </span>
          )}
        </div>
      </fieldset>
    </form>
  );
}
