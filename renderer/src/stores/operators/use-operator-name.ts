import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCAL_OPERATOR_ID, type OperatorView } from '../../../../shared/domain/operators';

/** The name the desk's admin is stored with until someone renames them; shown in the window's language. */
const STORED_LOCAL_NAME = 'This desk';

/** An operator's name as the window shows it: the desk's unrenamed admin reads "This desk" in the window's language. */
export function useOperatorName(): (operator: Pick<OperatorView, 'id' | 'name'>) => string {
  const { t } = useTranslation();
  return useCallback((o) => (o.id === LOCAL_OPERATOR_ID && o.name === STORED_LOCAL_NAME ? t('thisDesk') : o.name), [t]);
}
