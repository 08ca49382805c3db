import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, THEMES, WORKSPACES, type Settings } from '../../../../shared/domain/settings';
import { useStores } from '../../stores/context';
import type { SaveError } from '../../stores/settings/settings-store';
import { diff, toDraft, validate, type SettingsDraft } from './settings-form';
import { BotEndpointsSettings } from './BotEndpointsSettings';
import { HttpApiInfo } from './HttpApiInfo';
import { HubConnect } from './HubConnect';
import './settings.css';

export function SettingsPage() {
  const { t } = useTranslation();
  const { useSettingsStore } = useStores();
  const value = useSettingsStore((s) => s.value);
  const loading = useSettingsStore((s) => s.loading);
  const loadError = useSettingsStore((s) => s.loadError);
  const load = useSettingsStore((s) => s.load);
  // Only the desktop app connects to another desk; a browser is already at one.
  const desktop = window.desk !== undefined;

  if (!value) {
    if (loadError) {
      return (
        <div className="page-state" role="alert">
          <p>{t('settings.loadError', { message: loadError })}</p>
          <button type="button" className="button" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      );
    }
    return (
      <div className="page-state" aria-busy={loading}>
        {t('settings.loading')}
      </div>
    );
  }
  return (
    <>
      <SettingsForm value={value} />
      <BotEndpointsSettings />
      {desktop && <HubConnect />}
    </>
  );
}

function SettingsForm({ value }: { value: Settings }) {
  const { t } = useTranslation();
  const { useSettingsStore } = useStores();
  const saving = useSettingsStore((s) => s.saving);
  const saveError = useSettingsStore((s) => s.saveError);
  const savedCount = useSettingsStore((s) => s.savedCount);
  const update = useSettingsStore((s) => s.update);

  const [base, setBase] = useState(value);
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(value));
  // Saves made before this form was shown are not announced again.
  const [savesAtMount] = useState(savedCount);
  const ids = useId();

  // Settings changed elsewhere (another window, the engine) replace the form only when the
  // operator has nothing unsaved in it.
  if (value !== base) {
    if (Object.keys(diff(base, draft)).length === 0) setDraft(toDraft(value));
    setBase(value);
  }

  const patch = diff(base, draft);
  const problems = validate(draft);
  const dirty = Object.keys(patch).length > 0;
  const valid = !problems.dataDir && !problems.intakePort;

  const edit = (change: Partial<SettingsDraft>) => setDraft((d) => ({ ...d, ...change }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid || saving) return;
    void update(patch);
  };

  const fieldError = (field: SaveError['field']) =>
    saveError && saveError.field === field ? saveError.fieldMessage : null;
  const portError = problems.intakePort ? t('settings.intakePortInvalid') : fieldError('httpIntake.port');
  const dataDirError = problems.dataDir ? t('settings.dataDirRequired') : fieldError('dataDir');

  return (
    <form className="settings" onSubmit={onSubmit} noValidate>
      <fieldset className="settings-section">
        <legend>{t('settings.sections.appearance')}</legend>
        <div className="field">
          <label htmlFor={`${ids}-language`}>{t('settings.language')}</label>
          <select
            id={`${ids}-language`}
            data-testid="settings-language"
            value={draft.language}
            onChange={(e) => edit({ language: e.target.value as SettingsDraft['language'] })}
          >
            {LANGUAGES.map((lng) => (
              <option key={lng} value={lng} lang={lng}>
                {t(`settings.languages.${lng}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-theme`}>{t('settings.theme')}</label>
          <select
            id={`${ids}-theme`}
            data-testid="settings-theme"
            value={draft.theme}
            onChange={(e) => edit({ theme: e.target.value as SettingsDraft['theme'] })}
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(`settings.themes.${theme}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('settings.sections.workspace')}</legend>
        <div className="field">
          <label htmlFor={`${ids}-workspace`}>{t('settings.workspace')}</label>
          <select
            id={`${ids}-workspace`}
            data-testid="settings-workspace"
            value={draft.workspace ?? ''}
            aria-describedby={`${ids}-workspace-hint`}
            onChange={(e) => edit({ workspace: e.target.value as SettingsDraft['workspace'] })}
          >
            {draft.workspace === null && (
              <option value="" disabled>
                {t('settings.workspaceNotChosen')}
              </option>
            )}
            {WORKSPACES.map((workspace) => (
              <option key={workspace} value={workspace}>
                {t(`settings.workspaces.${workspace}`)}
              </option>
            ))}
          </select>
          <div className="field-hint" id={`${ids}-workspace-hint`}>
            {draft.workspace && <p>{t(`workspace.options.${draft.workspace}.description`)}</p>}
            <p>{t('settings.workspaceHint')}</p>
          </div>
          {fieldError('workspace') && <p className="field-error">{fieldError('workspace')}</p>}
        </div>
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('settings.sections.storage')}</legend>
        <div className="field">
          <label htmlFor={`${ids}-data-dir`}>{t('settings.dataDir')}</label>
          <input
            id={`${ids}-data-dir`}
            data-testid="settings-data-dir"
            type="text"
            spellCheck={false}
            value={draft.dataDir}
            aria-invalid={dataDirError ? true : undefined}
            aria-describedby={`${ids}-data-dir-hint${dataDirError ? ` ${ids}-data-dir-error` : ''}`}
            onChange={(e) => edit({ dataDir: e.target.value })}
          />
          <p className="field-hint" id={`${ids}-data-dir-hint`}>
            {t('settings.dataDirHint')}
          </p>
          {dataDirError && (
            <p className="field-error" id={`${ids}-data-dir-error`}>
              {dataDirError}
            </p>
          )}
        </div>
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('settings.sections.intake')}</legend>
        <div className="field field-inline">
          <input
            id={`${ids}-intake`}
            data-testid="settings-intake-enabled"
            type="checkbox"
            checked={draft.intakeEnabled}
            onChange={(e) => edit({ intakeEnabled: e.target.checked })}
          />
          <label htmlFor={`${ids}-intake`}>{t('settings.intakeEnabled')}</label>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-port`}>{t('settings.intakePort')}</label>
          <input
            id={`${ids}-port`}
            data-testid="settings-intake-port"
            className="input-port"
            type="text"
            inputMode="numeric"
            value={draft.intakePort}
            aria-invalid={portError ? true : undefined}
            aria-describedby={portError ? `${ids}-port-error` : `${ids}-port-hint`}
            onChange={(e) => edit({ intakePort: e.target.value })}
          />
          {portError ? (
            <p className="field-error" id={`${ids}-port-error`} data-testid="settings-port-error">
              {portError}
            </p>
          ) : (
            <p className="field-hint" id={`${ids}-port-hint`}>
              {t('settings.intakePortHint')}
            </p>
          )}
        </div>
        <HttpApiInfo />
      </fieldset>

      {saveError && (
        <div className="form-error" role="alert" data-testid="settings-error">
          {t('settings.saveError', {
            message:
              saveError.field && saveError.onlyIssue
                ? t('settings.fieldError', {
                    field: t(`settings.fields.${saveError.field}`),
                    message: saveError.fieldMessage ?? '',
                  })
                : saveError.message,
          })}
        </div>
      )}

      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          data-testid="settings-save"
          disabled={!dirty || !valid || saving}
        >
          {saving ? t('settings.saving') : t('settings.save')}
        </button>
        {savedCount > savesAtMount && !dirty && !saveError && (
          <span className="form-saved" role="status">
            {t('settings.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
