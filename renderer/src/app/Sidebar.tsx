import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../stores/context';
import { AppLogo, AREA_ICONS } from '../ui/icons';
import { currentRole } from '../stores/operators/me-store';
import { areaAllowed } from './access';
import { PresenceControl } from './PresenceControl';
import { StatusCorner } from './StatusCorner';
import { AREAS, SANDBOX_AREAS, areaDigit, hashForArea, type AreaId } from './areas';

/** Up/Down (and Home/End) move focus between the links, wrapping at the ends. */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  const keys = ['ArrowUp', 'ArrowDown', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-area]')];
  const index = links.indexOf(document.activeElement as HTMLAnchorElement);
  let next: number;
  if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = links.length - 1;
  else if (index < 0) next = 0;
  else next = (index + (event.key === 'ArrowDown' ? 1 : -1) + links.length) % links.length;
  event.preventDefault();
  links[next]?.focus();
}

function NavLink({ area, digit, current, onClick }: { area: AreaId; digit: string | null; current: boolean; onClick(event: MouseEvent): void }) {
  const { t } = useTranslation();
  const Icon = AREA_ICONS[area];
  return (
    <li>
      <a
        href={hashForArea(area)}
        className="nav-item"
        data-area={area}
        data-testid={`nav-${area}`}
        aria-current={current ? 'page' : undefined}
        aria-keyshortcuts={digit ? `Alt+${digit}` : undefined}
        title={digit ? t('nav.shortcut', { key: digit }) : undefined}
        onClick={onClick}
      >
        <Icon className="nav-icon" />
        <span className="nav-label">{t(`nav.areas.${area}`)}</span>
        {digit && (
          <kbd className="nav-shortcut" aria-hidden="true">
            {t('nav.shortcut', { key: digit })}
          </kbd>
        )}
      </a>
    </li>
  );
}

export function Sidebar() {
  const { t } = useTranslation();
  const { useNavigationStore, useSystemStore, useMeStore } = useStores();
  const role = useMeStore((s) => currentRole(s.me));
  const current = useNavigationStore((s) => s.area);
  const go = useNavigationStore((s) => s.go);
  const inSandbox = useSystemStore((s) => s.status?.workspace === 'sandbox');

  const onClick = (area: AreaId) => (event: MouseEvent) => {
    event.preventDefault();
    go(area);
  };

  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <AppLogo className="sidebar-logo" width={20} height={20} />
        <span>{t('app.name')}</span>
      </div>
      <nav data-testid="nav" aria-label={t('nav.label')} onKeyDown={moveFocus}>
        <ul className="nav-list">
          {/* Digits stay those of the full list, so Alt+1 is the inbox for everyone. */}
          {AREAS.map(
            (area, index) =>
              areaAllowed(area, role) && <NavLink key={area} area={area} digit={areaDigit(index)} current={area === current} onClick={onClick(area)} />,
          )}
          {inSandbox &&
            areaAllowed('sandbox', role) &&
            SANDBOX_AREAS.map((area) => (
              <NavLink key={area} area={area} digit={null} current={area === current} onClick={onClick(area)} />
            ))}
        </ul>
      </nav>
      <PresenceControl />
      <StatusCorner />
    </aside>
  );
}
