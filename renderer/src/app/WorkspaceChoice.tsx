import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKSPACES, type Workspace } from '../../../shared/domain/settings';
import { useStores } from '../stores/context';

/** Tab and Shift+Tab stay inside the dialog (the shell behind it is also `inert`). */
function trapTab(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'Tab') return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not(:disabled)')];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

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
  const firstRef = useRef<HTMLButtonElement>(null);

  useEffect(() => firstRef.current?.focus(), []);

  const choose = (workspace: Workspace) => void update({ workspace });

  return (
    <div className="modal-backdrop">
      <div
        className="modal workspace-choice"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-intro`}
        data-testid="workspace-choice"
        onKeyDown={trapTab}
      >
        <h2 id={`${ids}-title`}>{t('workspace.choice.title')}</h2>
        <p id={`${ids}-intro`}>{t('workspace.choice.intro')}</p>
        <div className="workspace-options">
          {WORKSPACES.map((workspace, index) => (
            <button
              key={workspace}
              ref={index === 0 ? firstRef : undefined}
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
      </div>
    </div>
  );
}
