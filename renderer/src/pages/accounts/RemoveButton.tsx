import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** `account` or `bot`: test ids are `<prefix>-remove`, `-remove-confirm`, `-remove-cancel`. */
  prefix: string;
  question: string;
  busy: boolean;
  onRemove(): Promise<boolean>;
}

/** Remove asks first, inline beside the row, with Cancel focused so Enter is the safe choice. */
export function RemoveButton({ prefix, question, busy, onRemove }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    // Focus goes back to where the operator started rather than to the page body.
    requestAnimationFrame(() => removeRef.current?.focus());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !busy) cancel();
  };
  // A removed row unmounts; after a refusal the question closes and the row says why.
  const confirm = async () => {
    if (!(await onRemove())) setConfirming(false);
  };

  if (!confirming) {
    return (
      <button type="button" className="button button-small" data-testid={`${prefix}-remove`} ref={removeRef} disabled={busy} onClick={() => setConfirming(true)}>
        {t('accounts.actions.remove')}
      </button>
    );
  }
  return (
    <div className="row-confirm" role="group" aria-labelledby={`${ids}-ask`} onKeyDown={onKeyDown}>
      <span id={`${ids}-ask`}>{question}</span>
      <button type="button" className="button button-small button-danger" data-testid={`${prefix}-remove-confirm`} disabled={busy} onClick={() => void confirm()}>
        {t('accounts.actions.confirmRemove')}
      </button>
      <button type="button" className="button button-small" data-testid={`${prefix}-remove-cancel`} ref={cancelRef} disabled={busy} onClick={cancel}>
        {t('accounts.actions.cancel')}
      </button>
    </div>
  );
}
