import type { HealthEntry } from '../telegram/connection-service';
import type { Route } from './local-server';

/** `GET /api/health`: each account's and bot's state, for monitoring from outside the desk. */
export function healthRoute(info: () => { workspace: string; startedAt: number; entries: HealthEntry[] }): Route {
  return {
    method: 'GET',
    path: /^\/api\/health$/,
    handle() {
      const { workspace, startedAt, entries } = info();
      const unhealthy = entries.filter((e) => e.state.status !== 'online' && e.state.status !== 'stopped');
      const view = (kind: HealthEntry['kind']) => entries.filter((e) => e.kind === kind).map(({ id, name, state }) => ({ id, name, state }));
      return {
        status: 200,
        body: {
          status: unhealthy.length === 0 ? 'ok' : 'degraded',
          workspace,
          startedAt: new Date(startedAt).toISOString(),
          accounts: view('account'),
          bots: view('bot'),
        },
      };
    },
  };
}
