import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies to the clipboard and says so; where the clipboard is refused, the text stays selectable. */
export function CopyButton({ text, testId, label }: { text: string; testId: string; label?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="button button-small" data-testid={testId} onClick={() => void copy()}>
        {label ?? t('ui.copy.copy')}
      </button>
      <span role="status" className="field-hint">
        {state === 'copied' && t('ui.copy.copied')}
        {state === 'failed' && t('ui.copy.failed')}
      </span>
    </>
  );
}

/** A value to pass on (an address, a link, a fingerprint) shown whole, with its copy button. */
export function CopyRow({ value, testId, copyTestId = `${testId}-copy`, className }: { value: string; testId: string; copyTestId?: string; className?: string }) {
  return (
    <div className="copy-row">
      <code className={className ? `copy-value ${className}` : 'copy-value'} data-testid={testId}>
        {value}
      </code>
      <CopyButton text={value} testId={copyTestId} />
    </div>
  );
}
