import { session, type BrowserWindow } from 'electron';
import { createDeskWindow, allowOnlyDeskPermissions } from './window';
import { isOwnDeskLink, pinVerdict, teamDeskProblemPage, type TeamDeskPin } from './team-desk-pin';

const TEAM_DESK_PARTITION = 'persist:team-desk';
/** Chromium's "the load was replaced by another" (a redirect, a new navigation): not a failure. */
const LOAD_ABORTED = -3;

/**
 * "Connect to a team desk": the window opens the hub's page in a session of its own that trusts
 * the hub's host only with the pinned certificate. The page speaks the contract over the hub's
 * WebSocket (no preload), so this app runs no engine. Kept thin: the decisions are in team-desk-pin.ts.
 */
export function openTeamDeskWindow(pin: TeamDeskPin, useOwnDesk: () => void): BrowserWindow {
  const deskSession = session.fromPartition(TEAM_DESK_PARTITION);
  let presented: string | null = null;
  deskSession.setCertificateVerifyProc((request, callback) => {
    const check = pinVerdict(pin, request);
    if (check.presented !== null) presented = check.presented;
    callback(check.verdict);
  });
  allowOnlyDeskPermissions(deskSession);

  const window = createDeskWindow({ partition: TEAM_DESK_PARTITION, origin: new URL(pin.url).origin });
  window.webContents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
    if (!isMainFrame || code === LOAD_ABORTED) return;
    const page = teamDeskProblemPage(pin, { presented, error: description });
    void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page)}`);
  });
  // The problem page's way back: the window never navigates there (createDeskWindow refuses), the shell acts.
  window.webContents.on('will-navigate', (_event, url) => {
    if (isOwnDeskLink(url)) useOwnDesk();
  });
  void window.loadURL(pin.url);
  return window;
}
