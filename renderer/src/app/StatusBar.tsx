import { useTranslation } from 'react-i18next';
import type { AreaId } from './areas';

export function StatusBar({ area }: { area: AreaId }) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <h1 className="page-title" data-testid="page-title">
        {t(`nav.areas.${area}`)}
      </h1>
    </header>
  );
}
