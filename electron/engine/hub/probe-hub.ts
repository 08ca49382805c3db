import { isIP } from 'node:net';
import { connect } from 'node:tls';
import { DeskError } from '../../../shared/contract/index';

export const PROBE_TIMEOUT_MS = 5_000;

/** Fingerprints are compared as the hub shows them: colon-separated uppercase hex. */
export function normalizeFingerprint(fingerprint: string): string {
  return fingerprint.trim().toUpperCase();
}

/**
 * Connects to a hub without trusting any authority (its certificate is self-signed) and accepts
 * it only when the certificate is the one pinned; every failure says what to check.
 */
export function probeHub(url: string, pinned: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<{ fingerprint: string }> {
  const address = new URL(url);
  const host = address.hostname.replace(/^\[|\]$/g, '');
  const port = Number(address.port || 443);
  const where = `${address.protocol}//${address.host}`;
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, servername: isIP(host) ? undefined : host, rejectUnauthorized: false, timeout: timeoutMs });
    const fail = (message: string) => {
      socket.destroy();
      reject(new DeskError('unavailable', message));
    };
    socket.once('secureConnect', () => {
      const presented = socket.getPeerX509Certificate()?.fingerprint256 ?? null;
      socket.end();
      if (presented === null) return reject(new DeskError('unavailable', `The team desk at ${where} presented no certificate; is it the team desk's address?`));
      if (presented !== normalizeFingerprint(pinned)) {
        return reject(
          new DeskError('conflict', `The team desk at ${where} presented certificate ${presented} but you pinned ${normalizeFingerprint(pinned)}; ask your admin for the current fingerprint.`),
        );
      }
      resolve({ fingerprint: presented });
    });
    socket.once('timeout', () => fail(`The team desk at ${where} did not answer within ${Math.round(timeoutMs / 1000)} s. Check the address, the network, and that no firewall blocks port ${port}.`));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      switch (error.code) {
        case 'ECONNREFUSED':
          return fail(`Nothing answers at ${host}:${port} (connection refused). Check the address and port, and that the team desk is sharing with the team.`);
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
          return fail(`The address ${host} cannot be found. Check how the team desk's address is spelled.`);
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
          return fail(`${host} cannot be reached from this computer's network. Check that both computers are on the same network.`);
        default:
          return fail(
            error.code === 'EPROTO' || error.code?.startsWith('ERR_SSL')
              ? `${where} answered, but not over TLS: is this the team desk's https address and port?`
              : `Cannot reach the team desk at ${where}: ${error.message}`,
          );
      }
    });
  });
}
