import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../stores/context';
import { PlannedAreaPage } from '../pages/placeholder/PlannedAreaPage';
import { AREA_PAGES, isBuiltArea } from './area-pages';
import type { AreaId } from './areas';
import { DiskFullNotice } from './DiskFullNotice';
import { SandboxBanner } from './SandboxBanner';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { useHashRouting } from './use-hash-routing';
import { usePreferences } from './use-preferences';
import { useAreaShortcuts } from './use-shortcuts';
import { WorkspaceChoice } from './WorkspaceChoice';
import './shell.css';

function AreaPage({ area }: { area: AreaId }) {
  if (!isBuiltArea(area)) return <PlannedAreaPage area={area} />;
  const Page = AREA_PAGES[area];
  return <Page />;
}

export function Shell() {
  const { t } = useTranslation();
  const stores = useStores();
  const area = stores.useNavigationStore((s) => s.area);
  const go = stores.useNavigationStore((s) => s.go);
  const mainRef = useRef<HTMLElement>(null);
  // Only an explicit null asks: settings not loaded yet must not flash the dialog.
  const mustChoose = stores.useSettingsStore((s) => s.value !== null && s.value.workspace === null);

  useEffect(() => stores.start(), [stores]);
  useHashRouting(stores.useNavigationStore);
  usePreferences();
  // After a shortcut, put focus in the new area so Tab continues from there.
  const focusMain = useCallback(() => mainRef.current?.focus({ preventScroll: true }), []);
  useAreaShortcuts(go, focusMain);

  const areaTitle = t(`nav.areas.${area}`);
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${areaTitle} · ${appName}`;
  }, [areaTitle, appName]);

  return (
    <div className="app-frame">
      <div className="app-frame-body" inert={mustChoose}>
        <SandboxBanner />
        <DiskFullNotice />
        <div className="app">
          <a className="skip-link" href="#content">
            {t('app.skipToContent')}
          </a>
          <Sidebar />
          <div className="app-main">
            <StatusBar area={area} />
            <main id="content" className="app-content" ref={mainRef} tabIndex={-1}>
              <AreaPage area={area} />
            </main>
          </div>
        </div>
      </div>
      {mustChoose && <WorkspaceChoice />}
    </div>
  );
}
