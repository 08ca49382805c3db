import type { DeskEvent } from '../../shared/contract/index';
import type { Settings, TeamDeskPin } from '../../shared/domain/settings';

/** What the shell keeps to connect to a team desk instead of running its own engine: the desk's `teamDesk` setting. */
export type { TeamDeskPin };

/** The shell's electron-store file: the desk's settings, and where older versions kept the pin on its own. */
export interface StoredShellSettings {
  settings?: Partial<Settings>;
  /** Before the pin was a setting; moved into `settings.teamDesk` once. */
  teamDesk?: TeamDeskPin;
}

/** The link on the problem page that takes the app back to its own desk (the shell acts on it; it goes nowhere). */
export const OWN_DESK_LINK = 'operator-desk://use-own-desk';

/** Whether a navigation is the problem page's way back (Chromium may add a trailing slash to the link). */
export function isOwnDeskLink(url: string): boolean {
  return url.replace(/\/$/, '') === OWN_DESK_LINK;
}

/** The way back as the window's Settings names it, in the language the desk was set to. */
export const OWN_DESK_LABEL = { en: 'Use this computer’s own desk', ru: 'Работать с собственным пультом этого компьютера' } as const;

/** Electron's answers to a certificate check: accept, reject, or leave it to Chromium. */
export const ACCEPT = 0;
export const REJECT = -2;
export const CHROMIUM_DECIDES = -3;

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/**
 * Electron gives a certificate's fingerprint as "sha256/<base64 of the SHA-256 of its DER>";
 * the hub shows the same hash as colon-separated uppercase hex. Null for any other form.
 */
export function electronFingerprintToHex(fingerprint: string): string | null {
  const match = /^sha256\/([A-Za-z0-9+/]{43}=)$/.exec(fingerprint);
  if (!match) return null;
  const hex = Buffer.from(match[1]!, 'base64').toString('hex').toUpperCase();
  return hex.match(/../g)!.join(':');
}

/**
 * The certificate check for the team desk's window: the hub's host is trusted only with the
 * pinned certificate (it is self-signed, so no authority vouches for it); other hosts keep
 * Chromium's usual verdict.
 */
export function pinVerdict(pin: TeamDeskPin, request: { hostname: string; certificate: { fingerprint: string } }): { verdict: number; presented: string | null } {
  if (request.hostname !== hostOf(pin.url)) return { verdict: CHROMIUM_DECIDES, presented: null };
  const presented = electronFingerprintToHex(request.certificate.fingerprint);
  return { verdict: presented !== null && presented === pin.fingerprint.trim().toUpperCase() ? ACCEPT : REJECT, presented };
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^\[|\]$/g, '');
}

/** A pin from the command line (`--team-desk=URL --team-desk-fingerprint=AB:…`); a clear reason when it is not one. */
export function readPin(url: string, fingerprint: string): TeamDeskPin | { problem: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: `"${url}" is not an address; the team desk's address looks like https://192.168.1.20:47900.` };
  }
  if (parsed.protocol !== 'https:') return { problem: `The team desk's address must start with https:// (it was "${url}").` };
  const normalized = fingerprint.trim().toUpperCase();
  if (!FINGERPRINT.test(normalized)) return { problem: 'The fingerprint must be the 32-byte SHA-256 fingerprint the team desk shows (AB:CD:… with 32 pairs).' };
  return { url: parsed.origin, fingerprint: normalized };
}

/** The settings with the pin an older version kept under its own key moved in; null when there is nothing to move. */
export function movedSeparatePin(stored: StoredShellSettings): Partial<Settings> | null {
  if (stored.teamDesk === undefined) return null;
  return { ...stored.settings, teamDesk: stored.teamDesk };
}

/** The pin the settings hold, or null for this computer's own desk (also when what is stored is not a pin). */
export function pinFromSettings(settings: Partial<Settings> | undefined): TeamDeskPin | null {
  const stored: unknown = settings?.teamDesk;
  if (!stored || typeof stored !== 'object') return null;
  const { url, fingerprint } = stored as Record<string, unknown>;
  if (typeof url !== 'string' || typeof fingerprint !== 'string') return null;
  const pin = readPin(url, fingerprint);
  return 'problem' in pin ? null : pin;
}

/** The pin a batch of the engine's events newly sets (the own desk runs only while none is set); null when none. */
export function pinSetBy(events: readonly DeskEvent[]): TeamDeskPin | null {
  const pins = events.flatMap((event) => (event.type === 'settings.changed' && event.payload.teamDesk ? [event.payload.teamDesk] : []));
  return pins.at(-1) ?? null;
}

/** Why the team desk's window could not open, with what to do; no scripts. */
export function teamDeskProblemPage(pin: TeamDeskPin, failure: { presented: string | null; error: string }): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const lines =
    failure.presented !== null && failure.presented !== pin.fingerprint
      ? [
          `The team desk at ${pin.url} presented certificate ${failure.presented} but you pinned ${pin.fingerprint}; ask your admin for the current fingerprint.`,
          `Пульт команды по адресу ${pin.url} предъявил сертификат ${failure.presented}, а закреплён ${pin.fingerprint}; спросите у администратора текущий отпечаток.`,
        ]
      : [
          `The team desk at ${pin.url} cannot be reached (${failure.error}). Check the address and the network, and that the desk is sharing with the team.`,
          `Пульт команды по адресу ${pin.url} недоступен (${failure.error}). Проверьте адрес и сеть, и что пульт открыт для команды.`,
        ];
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Telegram Operator Desk</title><style>body{font-family:system-ui,sans-serif;max-width:640px;margin:64px auto;padding:0 24px;line-height:1.5;color:#1c1e21}
.problem{color:#b3261e;background:#fdecea;padding:12px 14px;border-radius:8px;overflow-wrap:anywhere}code{word-break:break-all}</style></head><body>
<h1>Telegram Operator Desk</h1>
${lines.map((line) => `<p class="problem">${escape(line)}</p>`).join('\n')}
<p><a href="${OWN_DESK_LINK}" data-testid="use-own-desk">${OWN_DESK_LABEL.en}</a> (the app restarts on it; the tray menu has the same item).<br>
<a href="${OWN_DESK_LINK}">${OWN_DESK_LABEL.ru}</a> (приложение перезапустится; тот же пункт есть в меню значка в трее).</p>
</body></html>`;
}
