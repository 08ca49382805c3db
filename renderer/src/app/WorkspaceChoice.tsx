import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKSPACES, type Workspace } from '../../../shared/domain/settings';
import { useStores } from '../stores/context';
import { Dialog } from '../ui/Dialog';

/**
 * The first-run choice between the sandbox and real Telegram. It cannot be dismissed (no
 * Escape, no close button): until the operator chooses, the engine runs the sandbox, and the
 * choice decides whose data everything after it touches. Settings can change it later.
 */
export function WorkspaceChoice() {
  const { t } = useTranslation();
  const { useSettingsStore } = useStores();
  const saving = useSettingsStore((s) => s.saving);
  const saveError = useSettingsStore((s) => s.saveError);
  const update = useSettingsStore((s) => s.update);
  const ids = useId();

  const choose = (workspace: Workspace) => void update({ workspace });

  return (
    <Dialog
      title={t('workspace.choice.title')}
      description={t('workspace.choice.intro')}
      className="workspace-choice"
      testId="workspace-choice"
    >
      <div className="workspace-options">
        {WORKSPACES.map((workspace) => (
          <button
            key={workspace}
            type="button"
            className="workspace-option"
            data-testid={`workspace-choose-${workspace}`}
            aria-describedby={`${ids}-${workspace}`}
            disabled={saving}
            onClick={() => choose(workspace)}
          >
            <strong>{t(`workspace.options.${workspace}.title`)}</strong>
            <span id={`${ids}-${workspace}`}>{t(`workspace.options.${workspace}.description`)}</span>
          </button>
        ))}
      </div>
      <p className="field-hint">{t('workspace.choice.later')}</p>
      {saveError && (
        <p className="form-error" role="alert" data-testid="workspace-choice-error">
          {t('workspace.choice.error', { message: saveError.message })}
        </p>
      )}
    </Dialog>
  );
}
