import { useTranslation } from 'react-i18next';
import { EmptyState } from '../ui/EmptyState';

/** An area the operator's role does not open (reached by an old link or the address bar). */
export function RoleNotice() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('roleAccess.title')} testId="role-notice">
      {t('roleAccess.text')}
    </EmptyState>
  );
}
