import { useEffect, useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { teamSettingsSchema } from '../../../../shared/contract/domains/operators';
import type { TeamSettings, TeamSharingState } from '../../../../shared/domain/operators';
import { useStores } from '../../stores/context';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { contractResolver } from '../../ui/contract-resolver';
import { CopyRow } from '../../ui/CopyButton';
import { Field } from '../../ui/Field';
import { RefusalText } from './RefusalText';

/** Numbers stay text while typed, so a half-typed port is never fought. */
interface ShareFields {
  shared: boolean;
  host: string;
  port: string;
  sessionHours: string;
  returnAfterMinutes: string;
  operatorsMayReassign: boolean;
}

const fieldsOf = (s: TeamSettings): ShareFields => ({
  shared: s.shared,
  host: s.host,
  port: String(s.port),
  sessionHours: String(s.sessionHours),
  returnAfterMinutes: String(s.returnAfterMinutes),
  operatorsMayReassign: s.operatorsMayReassign,
});

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

// `operators.saveTeam` as the engine checks it, with its words.
const resolver = contractResolver<ShareFields, TeamSettings>(teamSettingsSchema, (f) => ({
  shared: f.shared,
  host: f.host,
  port: number(f.port),
  sessionHours: number(f.sessionHours),
  returnAfterMinutes: number(f.returnAfterMinutes),
  operatorsMayReassign: f.operatorsMayReassign,
}));

/** Where the hub stands: its address and fingerprint while it listens, or why it does not. */
function HubState({ value }: { value: TeamSharingState }) {
  const { t } = useTranslation();
  const { useTeamStore } = useStores();
  const renew = useTeamStore((s) => s.renewCertificate);
  const saving = useTeamStore((s) => s.saving);
  if (value.error) {
    return (
      <div className="form-error hub-error" role="alert" data-testid="hub-error">
        {t('team.share.notListening', { message: value.error })}
      </div>
    );
  }
  if (!value.settings.shared) return <p className="field-hint" data-testid="hub-off">{t('team.share.off')}</p>;
  if (!value.url) return <p className="field-hint" data-testid="hub-starting">{t('team.share.starting')}</p>;
  return (
    <div className="hub-state" data-testid="hub-listening">
      <p>{t('team.share.listening')}</p>
      <CopyRow value={value.url} testId="hub-url" />
      {value.fingerprint && (
        <>
          <p>{t('team.share.fingerprintIntro')}</p>
          <CopyRow value={value.fingerprint} testId="hub-fingerprint" className="fingerprint fingerprint-large" />
        </>
      )}
      <ConfirmButton
        label={t('team.share.renew')}
        question={t('team.share.renewAsk')}
        confirmLabel={t('team.share.renewConfirm')}
        busy={saving}
        testId="hub-renew"
        onConfirm={renew}
      />
    </div>
  );
}

function ShareForm({ value }: { value: TeamSharingState }) {
  const { t } = useTranslation();
  const { useTeamStore } = useStores();
  const save = useTeamStore((s) => s.save);
  const saving = useTeamStore((s) => s.saving);
  const saveError = useTeamStore((s) => s.saveError);
  const { register, handleSubmit, reset, formState } = useForm<ShareFields, unknown, TeamSettings>({ defaultValues: fieldsOf(value.settings), resolver });
  const invalid = (message: string | undefined) => message && t('team.form.invalid', { message });

  // Settings changed elsewhere replace the form only when nothing in it is unsaved.
  const settings = value.settings;
  const dirty = formState.isDirty;
  useEffect(() => {
    if (!dirty) reset(fieldsOf(settings));
  }, [settings, dirty, reset]);

  return (
    <form className="share-form" noValidate onSubmit={(e) => void handleSubmit(async (input) => void ((await save(input)) && reset(fieldsOf(input))))(e)}>
      <label className="inline-check share-toggle">
        <input type="checkbox" {...register('shared')} data-testid="share-enabled" />
        {t('team.share.enabled')}
      </label>
      <p className="field-hint">{t('team.share.enabledHint')}</p>
      <div className="share-fields">
        <Field label={t('team.share.host')} hint={t('team.share.hostHint')} error={invalid(formState.errors.host?.message)} testId="share-host">
          {(a11y) => <input {...a11y} {...register('host')} type="text" spellCheck={false} data-testid="share-host" />}
        </Field>
        <Field label={t('team.share.port')} error={invalid(formState.errors.port?.message)} testId="share-port">
          {(a11y) => <input {...a11y} {...register('port')} type="text" inputMode="numeric" className="input-port" data-testid="share-port" />}
        </Field>
        <Field label={t('team.share.sessionHours')} error={invalid(formState.errors.sessionHours?.message)} testId="share-session-hours">
          {(a11y) => <input {...a11y} {...register('sessionHours')} type="text" inputMode="numeric" className="input-port" data-testid="share-session-hours" />}
        </Field>
        <Field label={t('team.share.returnAfter')} hint={t('team.share.returnAfterHint')} error={invalid(formState.errors.returnAfterMinutes?.message)} testId="share-return-after">
          {(a11y) => <input {...a11y} {...register('returnAfterMinutes')} type="text" inputMode="numeric" className="input-port" data-testid="share-return-after" />}
        </Field>
      </div>
      <label className="inline-check">
        <input type="checkbox" {...register('operatorsMayReassign')} data-testid="share-may-reassign" />
        {t('team.share.mayReassign')}
      </label>
      <RefusalText error={saveError} testId="share-error" />
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="share-save" disabled={saving || !dirty}>
          {saving ? t('team.share.saving') : t('team.share.save')}
        </button>
      </div>
    </form>
  );
}

/** "Share with my team": the hub listens with TLS on a chosen address; operators pin its fingerprint. */
export function ShareSection() {
  const { t } = useTranslation();
  const { useTeamStore } = useStores();
  const value = useTeamStore((s) => s.value);
  const loadError = useTeamStore((s) => s.loadError);
  const load = useTeamStore((s) => s.load);
  const ids = useId();

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="team-section" aria-labelledby={`${ids}-title`} data-testid="share-section">
      <h2 id={`${ids}-title`}>{t('team.share.title')}</h2>
      <p className="field-hint">{t('team.share.intro')}</p>
      {value ? (
        <>
          <HubState value={value} />
          <ShareForm value={value} />
        </>
      ) : loadError ? (
        <div role="alert">
          <RefusalText error={loadError} testId="share-load-error" />
          <button type="button" className="button" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      ) : (
        <p className="field-hint">{t('common.loading')}</p>
      )}
    </section>
  );
}
