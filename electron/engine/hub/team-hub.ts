import type { Database } from 'better-sqlite3';
import { isIP } from 'node:net';
import { DEFAULT_TEAM_SETTINGS, type TeamSettings, type TeamSharingState } from '../../../shared/domain/operators';
import type { EventBus } from '../contract/event-bus';
import type { ContractPort } from '../headless/ws-transport';
import type { Logger } from '../logging/logger';
import type { HubSessions, TeamHub } from '../operators/team-ports';
import type { Clock } from '../platform/clock';
import type { SecretBox } from '../secrets/secret-box';
import { createCertificateStore, externalIPv4Addresses } from './certificate';
import { HubListenError, startHubServer, type HubServer } from './hub-server';
import { probeHub } from './probe-hub';

export interface TeamHubOptions {
  db: Database;
  secrets: SecretBox;
  clock: Clock;
  logger: Logger;
  /** `operators.teamChanged` goes out on it whenever the hub starts, stops, fails or renews. */
  events: Pick<EventBus, 'emit'>;
  /** The engine's calls and its per-operator cut of the events. */
  contract: ContractPort;
  /** Asked when a request arrives, so the operators service may be built after the hub. */
  sessions: () => HubSessions;
  rendererDir: string | undefined;
}

/**
 * The TLS front door for the team: listens while the team settings say "shared", on their
 * host and port, with a certificate made once and kept. Never throws out of `apply`: a port in
 * use or a wrong address becomes `state().error`.
 */
export function createTeamHub(options: TeamHubOptions): TeamHub {
  const certificates = createCertificateStore(options.db, options.secrets, options.clock);
  const log = options.logger.child({ scope: 'hub' });
  let settings: TeamSettings = DEFAULT_TEAM_SETTINGS;
  let server: HubServer | null = null;
  let listening: { host: string; port: number } | null = null;
  let error: string | null = null;
  let fingerprint = certificates.fingerprint();
  // One change at a time: a save while the previous one still binds waits for it.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  const state = (): TeamSharingState => ({ settings, url: server ? `https://${reachableHost(settings.host)}:${server.port}` : null, fingerprint, error });

  function announce(): TeamSharingState {
    const current = state();
    options.events.emit({ type: 'operators.teamChanged', payload: current });
    return current;
  }

  async function close(): Promise<void> {
    const closing = server;
    server = null;
    listening = null;
    await closing?.close();
  }

  async function listen(next: TeamSettings): Promise<void> {
    try {
      const certificate = await certificates.current();
      fingerprint = certificate.fingerprint;
      server = await startHubServer({
        certificate,
        host: next.host,
        port: next.port,
        contract: options.contract,
        sessions: options.sessions(),
        clock: options.clock,
        logger: options.logger,
        rendererDir: options.rendererDir,
      });
      listening = { host: next.host, port: next.port };
      error = null;
      log.info({ host: next.host, port: server.port }, 'the team hub is listening');
    } catch (failure) {
      error = failure instanceof HubListenError ? failure.message : `The team hub could not start: ${(failure as Error).message}`;
      log.warn({ err: failure }, 'the team hub could not start');
    }
  }

  return {
    state,
    apply: (next) =>
      serially(async () => {
        settings = next;
        if (!next.shared) {
          await close();
          error = null;
        } else if (!(listening?.host === next.host && listening.port === next.port)) {
          await close();
          await listen(next);
        }
        return announce();
      }),
    renewCertificate: () =>
      serially(async () => {
        const certificate = await certificates.renew();
        fingerprint = certificate.fingerprint;
        server?.setCertificate(certificate);
        log.info('the team hub has a new certificate');
        return announce();
      }),
    inviteUrl: (token) => `https://${reachableHost(settings.host)}:${server?.port ?? settings.port}/invite?token=${encodeURIComponent(token)}`,
    probe: (url, pinned) => probeHub(url, pinned),
    stop: () => serially(close),
  };
}

/** An address others can type: the machine's first network address for "every address", else the host itself. */
export function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return externalIPv4Addresses()[0] ?? '127.0.0.1';
  return isIP(host) === 6 ? `[${host}]` : host;
}
