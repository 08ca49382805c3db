import { useTranslation } from 'react-i18next';
import { MESSAGE_LIMITS } from '../../../../../shared/domain/message-text';

/** A name the engine would refuse is said so while it is typed, never cut to fit. */
export const labelNameFits = (name: string) => name.trim().length <= MESSAGE_LIMITS.labelName;

export function LabelNameCheck({ name }: { name: string }) {
  const { t } = useTranslation();
  if (labelNameFits(name)) return null;
  return (
    <p className="field-error" role="alert" data-testid="label-name-too-long">
      {t('limits.labelTooLong', { max: MESSAGE_LIMITS.labelName, length: name.trim().length })}
    </p>
  );
}
