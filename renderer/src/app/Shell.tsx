import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../stores/context';
import { PlannedAreaPage } from '../pages/placeholder/PlannedAreaPage';
import { currentRole } from '../stores/operators/me-store';
import { areaAllowed } from './access';
import { AREA_PAGES, isBuiltArea } from './area-pages';
import type { AreaId } from './areas';
import { DiskFullNotice } from './DiskFullNotice';
import { RoleNotice } from './RoleNotice';
import { SessionEnded } from './SessionEnded';
import { SandboxBanner } from './SandboxBanner';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { useHashRouting } from './use-hash-routing';
import { usePresenceHeartbeat } from './use-presence-heartbeat';
import { usePreferences } from './use-preferences';
import { useAreaShortcuts } from './use-shortcuts';
import { WorkspaceChoice } from './WorkspaceChoice';
import './shell.css';

function AreaPage({ area }: { area: AreaId }) {
  const role = useStores().useMeStore((s) => currentRole(s.me));
  if (!areaAllowed(area, role)) return <RoleNotice />;
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
  const unchosen = stores.useSettingsStore((s) => s.value !== null && s.value.workspace === null);

  const role = stores.useMeStore((s) => currentRole(s.me));
  // Choosing the workspace restarts the engine: only an admin is asked.
  const mustChoose = unchosen && role === 'admin';
  const ended = stores.useMeStore((s) => s.ended);
  const signInAgain = stores.useMeStore((s) => s.signInAgain);

  useEffect(() => stores.start(), [stores]);
  useHashRouting(stores.useNavigationStore);
  usePreferences();
  usePresenceHeartbeat(stores.useMeStore);
  // After a shortcut, put focus in the new area so Tab continues from there.
  const focusMain = useCallback(() => mainRef.current?.focus({ preventScroll: true }), []);
  // An area the role does not open is not a shortcut's target either.
  const goIfAllowed = useCallback((to: AreaId) => areaAllowed(to, role) && go(to), [go, role]);
  useAreaShortcuts(goIfAllowed, focusMain);

  const areaTitle = t(`nav.areas.${area}`);
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${areaTitle} · ${appName}`;
  }, [areaTitle, appName]);

  if (ended) return <SessionEnded reason={ended} onSignIn={signInAgain} />;

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
