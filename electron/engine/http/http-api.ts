import type { Database } from 'better-sqlite3';
import type { HttpIntakeSettings } from '../../../shared/domain/settings';
import type { Logger } from '../logging/logger';
import type { SecretBox } from '../secrets/secret-box';
import { apiToken } from './api-token';
import { startLocalHttpServer, type Route } from './local-server';

export interface HttpApiStatus {
  enabled: boolean;
  url: string | null;
  token: string;
  /** Why it is not listening although enabled (e.g. the port is taken). */
  error: string | null;
}

/** Starts, stops and moves the local API as the HTTP intake settings change. */
export function createHttpApi(options: { db: Database; secrets: SecretBox; logger: Logger; routes: Route[] }) {
  let server: Awaited<ReturnType<typeof startLocalHttpServer>> | null = null;
  let applied: HttpIntakeSettings = { enabled: false, port: 0 };
  let error: string | null = null;
  let queue = Promise.resolve();

  const apply = (settings: HttpIntakeSettings): Promise<void> =>
    (queue = queue.then(async () => {
      if (server && settings.enabled && settings.port === applied.port) return;
      await server?.close();
      server = null;
      error = null;
      applied = settings;
      if (!settings.enabled) return;
      try {
        server = await startLocalHttpServer({
          port: settings.port,
          token: apiToken(options.db, options.secrets),
          routes: options.routes,
          logger: options.logger,
        });
      } catch (failure) {
        error = (failure as Error).message;
        options.logger.warn({ scope: 'http', port: settings.port }, `local API not started: ${error}`);
      }
    }));

  return {
    apply,
    status: (): HttpApiStatus => ({ enabled: applied.enabled, url: server?.url ?? null, token: apiToken(options.db, options.secrets), error }),
    async renewToken(): Promise<void> {
      apiToken(options.db, options.secrets, { renew: true });
      const current = applied;
      await apply({ enabled: false, port: current.port });
      await apply(current);
    },
    async stop(): Promise<void> {
      await apply({ enabled: false, port: applied.port });
    },
  };
}

export type HttpApi = ReturnType<typeof createHttpApi>;
