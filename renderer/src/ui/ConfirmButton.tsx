import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The button's text, e.g. "Remove". */
  label: string;
  /** What the operator is asked once they pressed it. */
  question: string;
  /** The confirming button's text, e.g. "Yes, remove". */
  confirmLabel: string;
  busy?: boolean;
  /** Test ids: `<testId>`, `<testId>-confirm`, `<testId>-cancel`. */
  testId: string;
  /** Resolves true when the action went through (the row may unmount); false keeps the button. */
  onConfirm(): Promise<boolean> | boolean;
}

/**
 * A destructive action asks first, inline beside what it acts on, with Cancel focused so
 * Enter is the safe choice; Escape or Cancel put focus back on the button.
 */
export function ConfirmButton({ label, question, confirmLabel, busy = false, testId, onConfirm }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      startRef.current?.focus();
    }
  }, [confirming]);

  const cancel = () => {
    returnFocus.current = true;
    setConfirming(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !busy) cancel();
  };
  // After a refusal the question closes and the caller says why.
  const confirm = async () => {
    if (!(await onConfirm())) setConfirming(false);
  };

  if (!confirming) {
    return (
      <button type="button" className="button button-small" data-testid={testId} ref={startRef} disabled={busy} onClick={() => setConfirming(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="row-confirm" role="group" aria-labelledby={`${ids}-ask`} onKeyDown={onKeyDown}>
      <span id={`${ids}-ask`}>{question}</span>
      <button type="button" className="button button-small button-danger" data-testid={`${testId}-confirm`} disabled={busy} onClick={() => void confirm()}>
        {confirmLabel}
      </button>
      <button type="button" className="button button-small" data-testid={`${testId}-cancel`} ref={cancelRef} disabled={busy} onClick={cancel}>
        {t('ui.confirm.cancel')}
      </button>
    </div>
  );
}
