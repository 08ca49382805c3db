import { networkInterfaces } from 'node:os';
import { DeskError } from '../../../shared/contract/result';
import type { TeamSettings, TeamSharingState } from '../../../shared/domain/operators';
import type { TeamHub } from './team-ports';

/**
 * The team hub's stand-in until the hub itself is part of the engine: it keeps the settings
 * and builds invite links, but listens nowhere, so nobody outside this desktop can sign in yet.
 */
export function createUnsharedHub(settings: () => TeamSettings): TeamHub {
  const state = (): TeamSharingState => ({ settings: settings(), url: null, fingerprint: null, error: null });
  return {
    apply: () => Promise.resolve(state()),
    state,
    renewCertificate: () => Promise.resolve(state()),
    inviteUrl: (token) => `https://${reachableAddress()}:${settings().port}/invite?token=${encodeURIComponent(token)}`,
    probe: () => Promise.reject(new DeskError('unavailable', 'This desk cannot connect to a team desk yet.')),
    stop: () => Promise.resolve(),
  };
}

/** The address a teammate on the same network would use: the first outward IPv4, else loopback. */
function reachableAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    const outward = addresses?.find((address) => address.family === 'IPv4' && !address.internal);
    if (outward) return outward.address;
  }
  return '127.0.0.1';
}
