import { createHash, X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/contract/index';
import type { Settings } from '../../shared/domain/settings';
import {
  ACCEPT,
  CHROMIUM_DECIDES,
  electronFingerprintToHex,
  isOwnDeskLink,
  movedSeparatePin,
  OWN_DESK_LINK,
  pinFromSettings,
  pinSetBy,
  pinVerdict,
  readPin,
  REJECT,
  teamDeskProblemPage,
} from './team-desk-pin';

/** A certificate's fingerprint in both forms: Electron's and the hub's (Node's). */
async function certificate() {
  const made = await generate([{ name: 'commonName', value: 'hub' }], { keyType: 'ec', algorithm: 'sha256' });
  const x509 = new X509Certificate(made.cert);
  return { electron: `sha256/${createHash('sha256').update(x509.raw).digest('base64')}`, hub: x509.fingerprint256 };
}

describe('pinning the team desk’s certificate', () => {
  it('reads Electron’s sha256/base64 fingerprint as the hub’s colon-separated hex', async () => {
    const cert = await certificate();
    expect(electronFingerprintToHex(cert.electron)).toBe(cert.hub);
    expect(electronFingerprintToHex('sha1/abc=')).toBeNull();
    expect(electronFingerprintToHex(cert.hub)).toBeNull();
  });

  it('accepts the hub’s host only with the pinned certificate, and leaves other hosts to Chromium', async () => {
    const pinned = await certificate();
    const other = await certificate();
    const pin = { url: 'https://192.168.1.20:47900', fingerprint: pinned.hub.toLowerCase() };
    expect(pinVerdict(pin, { hostname: '192.168.1.20', certificate: { fingerprint: pinned.electron } })).toEqual({ verdict: ACCEPT, presented: pinned.hub });
    expect(pinVerdict(pin, { hostname: '192.168.1.20', certificate: { fingerprint: other.electron } })).toEqual({ verdict: REJECT, presented: other.hub });
    expect(pinVerdict(pin, { hostname: '192.168.1.20', certificate: { fingerprint: 'garbage' } }).verdict).toBe(REJECT);
    expect(pinVerdict(pin, { hostname: 'example.com', certificate: { fingerprint: pinned.electron } }).verdict).toBe(CHROMIUM_DECIDES);
    expect(pinVerdict({ url: 'https://[::1]:47900', fingerprint: pinned.hub }, { hostname: '::1', certificate: { fingerprint: pinned.electron } }).verdict).toBe(ACCEPT);
  });

  it('reads a pin from the command line, or says what is wrong with it', () => {
    const fingerprint = Array.from({ length: 32 }, () => 'ab').join(':');
    expect(readPin('https://10.0.0.5:47900/some/path', fingerprint)).toEqual({ url: 'https://10.0.0.5:47900', fingerprint: fingerprint.toUpperCase() });
    expect(readPin('http://10.0.0.5:47900', fingerprint)).toEqual({ problem: 'The team desk\'s address must start with https:// (it was "http://10.0.0.5:47900").' });
    expect(readPin('10.0.0.5', fingerprint)).toMatchObject({ problem: expect.stringContaining('is not an address') });
    expect(readPin('https://10.0.0.5', 'AB:CD')).toMatchObject({ problem: expect.stringContaining('32-byte SHA-256') });
  });

  it('the problem page names both certificates on a mismatch, or the network error otherwise', () => {
    const pin = { url: 'https://10.0.0.5:47900', fingerprint: 'CD:'.repeat(31) + 'CD' };
    const presented = 'AB:'.repeat(31) + 'AB';
    expect(teamDeskProblemPage(pin, { presented, error: 'ERR_CERT_INVALID' })).toContain(
      `The team desk at https://10.0.0.5:47900 presented certificate ${presented} but you pinned ${pin.fingerprint}; ask your admin for the current fingerprint.`,
    );
    const unreachable = teamDeskProblemPage(pin, { presented: null, error: 'ERR_CONNECTION_REFUSED' });
    expect(unreachable).toContain('cannot be reached (ERR_CONNECTION_REFUSED)');
    expect(unreachable).not.toContain('<script');
  });

  it('the problem page offers the way back to this computer’s own desk', () => {
    const pin = { url: 'https://10.0.0.5:47900', fingerprint: 'CD:'.repeat(31) + 'CD' };
    const page = teamDeskProblemPage(pin, { presented: null, error: 'ERR_CONNECTION_REFUSED' });
    expect(page).toContain(`<a href="${OWN_DESK_LINK}" data-testid="use-own-desk">Use this computer’s own desk</a>`);
    expect(page).toContain(`<a href="${OWN_DESK_LINK}">Работать с собственным пультом этого компьютера</a>`);
    expect([OWN_DESK_LINK, `${OWN_DESK_LINK}/`].map(isOwnDeskLink)).toEqual([true, true]);
    expect([pin.url, 'operator-desk://elsewhere', `https://use-own-desk`].map(isOwnDeskLink)).toEqual([false, false, false]);
  });
});

describe('where the shell keeps the pin', () => {
  const pin = { url: 'https://10.0.0.5:47900', fingerprint: 'AB:'.repeat(31) + 'AB' };
  const settings: Partial<Settings> = { language: 'ru', dataDir: '/data' };

  it('moves a pin an older version kept under its own key into the settings, once', () => {
    expect(movedSeparatePin({ settings, teamDesk: pin })).toEqual({ language: 'ru', dataDir: '/data', teamDesk: pin });
    expect(movedSeparatePin({ teamDesk: pin })).toEqual({ teamDesk: pin });
    expect(movedSeparatePin({ settings: { ...settings, teamDesk: pin } })).toBeNull();
    expect(movedSeparatePin({})).toBeNull();
  });

  it('reads the pin from the settings, and anything that is not a pin as the own desk', () => {
    expect(pinFromSettings({ ...settings, teamDesk: { url: 'https://10.0.0.5:47900/', fingerprint: pin.fingerprint.toLowerCase() } })).toEqual(pin);
    expect(pinFromSettings({ ...settings, teamDesk: null })).toBeNull();
    expect(pinFromSettings(settings)).toBeNull();
    expect(pinFromSettings(undefined)).toBeNull();
    for (const broken of [{ url: 'http://10.0.0.5', fingerprint: pin.fingerprint }, { url: pin.url, fingerprint: 'AB' }, { url: 5 }, 'https://10.0.0.5']) {
      expect(pinFromSettings({ teamDesk: broken } as unknown as Partial<Settings>)).toBeNull();
    }
  });

  it('hears the engine store a pin (the moment to restart as a window on that desk), and nothing else', () => {
    const changed = (teamDesk: Settings['teamDesk']): DeskEvent => ({
      type: 'settings.changed',
      payload: { language: 'en', theme: 'system', dataDir: '/data', httpIntake: { enabled: false, port: 47821 }, workspace: 'telegram', teamDesk },
    });
    expect(pinSetBy([changed(null)])).toBeNull();
    expect(pinSetBy([{ type: 'system.restarted', payload: { workspace: 'telegram' } }])).toBeNull();
    expect(pinSetBy([changed(null), changed(pin)])).toEqual(pin);
  });
});
