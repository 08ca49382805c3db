import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { botTextProblem, type BotTextProblem, type BotTextView } from '../../../../../shared/domain/bot-flows';
import { useStores } from '../../../stores/context';
import { textId } from '../../../stores/bot-flows/bot-flows-store';

function describe(t: TFunction, problem: BotTextProblem): string {
  switch (problem.kind) {
    case 'empty':
      return t('botFlows.problems.empty');
    case 'tooLong':
      return t('botFlows.problems.tooLong', { length: problem.length, max: problem.max });
    case 'missingVariables':
    case 'unknownVariables':
      return t(`botFlows.problems.${problem.kind}`, { count: problem.names.length, names: problem.names.map((n) => `{{${n}}}`).join(', ') });
  }
}

/** One text: the operator's wording (or the default), the variables it must keep, save and reset. */
export function TextEditor({ view }: { view: BotTextView }) {
  const { t } = useTranslation();
  const { useBotFlowsStore } = useStores();
  const id = textId(view);
  const saving = useBotFlowsStore((s) => s.textSaving[id] === true);
  const error = useBotFlowsStore((s) => s.textError[id] ?? null);
  const ids = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const current = view.editedText ?? view.defaultText;
  const text = draft ?? current;
  const problem = draft === null ? null : botTextProblem(draft, view.defaultText);
  const changed = draft !== null && draft !== current;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!changed || problem) return;
    void useBotFlowsStore.getState().saveText(view, draft).then((saved) => saved && setDraft(null));
  };
  const reset = () => void useBotFlowsStore.getState().resetText(view).then((done) => done && setDraft(null));

  return (
    <form className="text-editor" data-testid="bot-text" data-key={view.key} onSubmit={onSubmit} noValidate>
      <div className="text-editor-head">
        <label htmlFor={`${ids}-text`} className="text-editor-key">
          {view.key}
        </label>
        <span className={view.editedText === null ? 'badge' : 'badge badge-ok'} data-testid="bot-text-state">
          {view.editedText === null ? t('botFlows.isDefault') : t('botFlows.edited')}
        </span>
        {view.variables.length > 0 && (
          <span className="text-editor-vars">
            {t('botFlows.variables')} {view.variables.map((name) => <code key={name}>{`{{${name}}}`}</code>)}
          </span>
        )}
      </div>
      <textarea
        id={`${ids}-text`}
        data-testid="bot-text-input"
        rows={Math.min(8, Math.max(2, text.split('\n').length))}
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${ids}-hint`}
        onChange={(e) => setDraft(e.target.value)}
      />
      <div className="text-editor-foot">
        <span className="field-hint text-editor-default" id={`${ids}-hint`} data-testid="bot-text-hint">
          {problem ? <span className="field-error">{describe(t, problem)}</span> : view.editedText !== null ? t('botFlows.defaultText', { text: view.defaultText }) : ''}
        </span>
        <div className="text-editor-actions">
          {view.editedText !== null && (
            <button type="button" className="button button-small" data-testid="bot-text-reset" disabled={saving} onClick={reset}>
              {t('botFlows.reset')}
            </button>
          )}
          <button type="submit" className="button button-small button-primary" data-testid="bot-text-save" disabled={!changed || problem !== null || saving}>
            {t('botFlows.save')}
          </button>
        </div>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="bot-text-error">
          {t('botFlows.saveError', { message: error })}
        </p>
      )}
    </form>
  );
}
