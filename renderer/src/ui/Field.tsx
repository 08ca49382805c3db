import { useId, type ReactNode } from 'react';

/** What the control inside a Field spreads onto itself so the label, hint and error reach assistive technology. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface Props {
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the control and announced; also marks the control invalid. */
  error?: ReactNode;
  className?: string;
  /** For test ids: the error is `<testId>-error`. */
  testId?: string;
  children(control: FieldControlProps): ReactNode;
}

/**
 * One form field: a label bound to its control, a hint and an error text the control is
 * described by. The control is the caller's (input, select, a library's register()).
 */
export function Field({ label, hint, error, className, testId, children }: Props) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['ui-field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) })}
      {hint && (
        <div className="field-hint" id={hintId ?? undefined}>
          {hint}
        </div>
      )}
      {error && (
        <p className="field-error" id={errorId ?? undefined} role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </p>
      )}
    </div>
  );
}
