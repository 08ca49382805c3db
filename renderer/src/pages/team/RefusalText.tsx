import { useTranslation } from 'react-i18next';
import type { DeskErrorShape } from '../../../../shared/contract/result';

/** A refused team action in words: the role's limit plainly, anything else with the engine's reason. */
export function RefusalText({ error, testId }: { error: DeskErrorShape | null; testId: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="field-error" role="alert" data-testid={testId}>
      {error.code === 'forbidden' ? t('roleAccess.refused') : t('team.refused', { message: error.message })}
    </p>
  );
}
