import { useTranslation } from 'react-i18next';
import type { PlannedArea } from '../../app/area-pages';
import { AREA_ICONS } from '../../ui/icons';
import './planned-area.css';

/** An honest empty state for an area whose page is not in this build yet. */
export function PlannedAreaPage({ area }: { area: PlannedArea }) {
  const { t } = useTranslation();
  const Icon = AREA_ICONS[area];
  return (
    <section className="planned-area" data-testid={`planned-${area}`}>
      <Icon className="planned-area-icon" width={40} height={40} />
      <p className="planned-area-description">{t(`placeholder.descriptions.${area}`)}</p>
      <p className="planned-area-notice">{t('placeholder.notAvailable')}</p>
    </section>
  );
}
