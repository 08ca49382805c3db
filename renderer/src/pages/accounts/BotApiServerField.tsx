import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';

interface Props {
  label: string;
  hint: string;
  testId: string;
  value: string;
  /** Why the address is refused, under the field. */
  error?: string;
  onChange(value: string): void;
}

/** A bot's own Bot API server address, as the add form and the bot's connection line ask for it. */
export function BotApiServerField({ label, hint, testId, value, error, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Field label={label} hint={hint} error={error} testId={testId} className="conn-field conn-grow">
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="url"
          spellCheck={false}
          data-testid={testId}
          placeholder={t('botEndpoints.settings.apiServerPlaceholder')}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
