import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  hint: string;
  testId: string;
  value: string;
  onChange(value: string): void;
}

/** A bot's own Bot API server address, as the add form and the bot's connection line ask for it. */
export function BotApiServerField({ label, hint, testId, value, onChange }: Props) {
  const { t } = useTranslation();
  const hintId = `${useId()}-hint`;
  return (
    <label className="conn-field conn-grow">
      <span>{label}</span>
      <input
        type="text"
        inputMode="url"
        spellCheck={false}
        data-testid={testId}
        placeholder={t('botEndpoints.settings.apiServerPlaceholder')}
        value={value}
        aria-describedby={hintId}
        onChange={(e) => onChange(e.target.value)}
      />
      <span className="field-hint" id={hintId}>
        {hint}
      </span>
    </label>
  );
}
