import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { operators } from '../../../../shared/contract/domains/operators';
import { useStores } from '../../stores/context';
import { contractResolver } from '../../ui/contract-resolver';
import { Field } from '../../ui/Field';
import { RefusalText } from '../team/RefusalText';

interface HubFields {
  url: string;
  fingerprint: string;
}

// `operators.probeHub` as the engine checks it: an http:// address or a short fingerprint is refused here, in its words.
const resolver = contractResolver<HubFields, HubFields>(operators.calls.probeHub.input, (f) => ({ url: f.url.trim(), fingerprint: f.fingerprint.trim() }));

/**
 * The desktop app's "connect to a team desk": checks that the address answers with the
 * certificate the admin's fingerprint names, then saves it as the `teamDesk` setting (the engine
 * probes again before storing); the shell then restarts the app as a window on that desk.
 */
export function HubConnect() {
  const { t } = useTranslation();
  const { useTeamStore, useSettingsStore } = useStores();
  const probe = useTeamStore((s) => s.probe);
  const probeHub = useTeamStore((s) => s.probeHub);
  const pinned = useSettingsStore((s) => s.value?.teamDesk ?? null);
  const pinSave = useSettingsStore((s) => s.pinSave);
  const pinTeamDesk = useSettingsStore((s) => s.pinTeamDesk);
  // Saved: the shell is restarting the app on the team desk, there is nothing more to connect.
  const restarting = pinSave.status === 'saved' && pinSave.pin !== null;
  const ids = useId();
  const { register, handleSubmit, formState } = useForm<HubFields, unknown, HubFields>({ defaultValues: { url: '', fingerprint: '' }, resolver });
  const invalid = (message: string | undefined) => message && t('team.form.invalid', { message });

  return (
    <form className="settings settings-section hub-connect" noValidate aria-labelledby={`${ids}-title`} data-testid="hub-connect" onSubmit={(e) => void handleSubmit((f) => probeHub(f.url, f.fingerprint))(e)}>
      <h2 id={`${ids}-title`} className="hub-connect-title">
        {t('hubConnect.title')}
      </h2>
      <p className="field-hint">{t('hubConnect.intro')}</p>
      {pinned && (
        <div className="hub-connect-pinned" data-testid="hub-pinned">
          <p>{t('hubConnect.connectedTo', { url: pinned.url, fingerprint: pinned.fingerprint })}</p>
          <button type="button" className="button" data-testid="hub-disconnect" disabled={pinSave.status === 'saving'} onClick={() => void pinTeamDesk(null)}>
            {t('hubConnect.disconnect')}
          </button>
        </div>
      )}
      <Field label={t('hubConnect.url')} hint={t('hubConnect.urlHint')} error={invalid(formState.errors.url?.message)} testId="hub-url-input">
        {(a11y) => <input {...a11y} {...register('url')} type="text" spellCheck={false} placeholder="https://" data-testid="hub-url-input" />}
      </Field>
      <Field label={t('hubConnect.fingerprint')} hint={t('hubConnect.fingerprintHint')} error={invalid(formState.errors.fingerprint?.message)} testId="hub-fingerprint-input">
        {(a11y) => <input {...a11y} {...register('fingerprint')} type="text" spellCheck={false} data-testid="hub-fingerprint-input" />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="hub-check" disabled={probe.status === 'checking'}>
          {probe.status === 'checking' ? t('hubConnect.checking') : t('hubConnect.check')}
        </button>
      </div>
      {probe.status === 'ok' && !restarting && (
        <>
          <p className="form-saved" role="status" data-testid="hub-probe-ok">
            {t('hubConnect.ok')}
          </p>
          <p className="field-hint">{t('hubConnect.connectExplain')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              data-testid="hub-connect-app"
              disabled={pinSave.status === 'saving'}
              onClick={() => void pinTeamDesk({ url: probe.url, fingerprint: probe.fingerprint })}
            >
              {pinSave.status === 'saving' ? t('hubConnect.connecting') : t('hubConnect.connect')}
            </button>
          </div>
        </>
      )}
      {probe.status === 'mismatch' && (
        <p className="form-error" role="alert" data-testid="hub-probe-mismatch">
          {t('hubConnect.mismatch')}
        </p>
      )}
      {probe.status === 'failed' &&
        (probe.error.code === 'forbidden' ? (
          <RefusalText error={probe.error} testId="hub-probe-failed" />
        ) : (
          <p className="form-error" role="alert" data-testid="hub-probe-failed">
            {t('hubConnect.failed', { message: probe.error.message })}
          </p>
        ))}
      {pinSave.status === 'saved' && (
        <p className="form-saved" role="status" data-testid="hub-pin-saved">
          {restarting ? t('hubConnect.restarting') : t('hubConnect.disconnected')}
        </p>
      )}
      {pinSave.status === 'failed' &&
        (pinSave.error.code === 'forbidden' ? (
          <RefusalText error={pinSave.error} testId="hub-pin-failed" />
        ) : (
          <p className="form-error" role="alert" data-testid="hub-pin-failed">
            {t('hubConnect.connectFailed', { message: pinSave.error.message })}
          </p>
        ))}
    </form>
  );
}
