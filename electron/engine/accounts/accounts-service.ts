import { DeskError } from '../../../shared/contract/result';
import type { AccountView, ConnectionState } from '../../../shared/domain/connections';
import type { InboundPipeline } from '../inbound/run-consumers';
import type { AccountsService, ConnectionDeps, HealthEntry } from '../telegram/connection-service';
import { credentialsFor } from './credentials';
import { normalisePhone } from './phone';
import { RECONNECT_BACKOFF } from '../platform/backoff';
import { AccountRuntime, type RuntimeOptions } from './runtime/account-runtime';
import { realScheduler } from '../platform/scheduler';
import { createSignIns, type CompletedSignIn } from './sign-in/sign-ins';
import {
  accountName,
  deleteAccount,
  getAccount,
  listAccounts,
  markNeedsSignIn,
  restingState,
  saveSignedInAccount,
  setEnabled,
  toView,
  type AccountRow,
} from './store/account-repo';
import { defaultApiView, writeDefaultApi } from './store/default-api';
import { upsertAccountEntities } from '../telegram/entities/account-entities';

export type AccountsOptions = Partial<RuntimeOptions>;

/**
 * Personal Telegram accounts: sign-in, the encrypted sessions, and one live runtime per
 * started account. Each runtime is independent: starting, stopping or losing one never
 * touches another.
 */
export function createAccountsService(deps: ConnectionDeps, options: AccountsOptions = {}): AccountsService {
  const { db, clock, secrets, telegram, events } = deps;
  const log = deps.logger.child({ scope: 'accounts' });
  const pipeline: InboundPipeline = { consumers: deps.consumers, logger: log };
  const runtimeOptions: RuntimeOptions = {
    healthCheckMs: 60_000,
    healthTimeoutMs: 30_000,
    backoff: RECONNECT_BACKOFF,
    scheduler: realScheduler,
    random: Math.random,
    ...options,
  };
  const runtimes = new Map<number, AccountRuntime>();

  const need = (id: number): AccountRow => getAccount(db, id) ?? notFound(id);
  const stateOf = (row: AccountRow): ConnectionState => runtimes.get(row.id)?.state ?? restingState(row);
  const view = (row: AccountRow): AccountView => toView(row, stateOf(row));
  const announce = (id: number) => {
    const row = getAccount(db, id);
    if (row) events.emit({ type: 'accounts.changed', payload: view(row) });
  };

  function startRuntime(row: AccountRow): void {
    if (!row.session_enc || row.telegram_user_id === null) return;
    const id = row.id;
    const runtime = new AccountRuntime(
      { db, clock, pipeline, logger: deps.logger, telegram, accountId: id, selfId: row.telegram_user_id },
      () => {
        const current = need(id);
        if (!current.session_enc) throw new DeskError('session_revoked', 'The account has no session; sign in again.');
        return { credentials: credentialsFor(db, secrets, telegram, current), session: secrets.decrypt(current.session_enc) };
      },
      runtimeOptions,
      {
        onState: (state) => {
          log.info({ accountId: id, status: state.status }, 'account state');
          announce(id);
          if (state.status === 'online') deps.domainEvents.emit('connection.online', { kind: 'account', id });
        },
        onRevoked: (reason) => markNeedsSignIn(db, id, reason, clock.now()),
      },
    );
    runtimes.set(id, runtime);
    runtime.start();
  }

  async function stopRuntime(id: number): Promise<void> {
    const runtime = runtimes.get(id);
    if (!runtime) return;
    runtimes.delete(id);
    await runtime.stop();
  }

  async function restart(row: AccountRow): Promise<void> {
    await stopRuntime(row.id);
    startRuntime(row);
  }

  async function complete(result: CompletedSignIn, actor: string): Promise<AccountView> {
    const now = clock.now();
    const saved = db.transaction(() => {
      const stored = saveSignedInAccount(
        db,
        {
          phone: result.phone,
          ...result.user,
          sessionEnc: secrets.encrypt(result.session),
          ownApi: result.ownApi ? { apiId: result.credentials.apiId, apiHashEnc: secrets.encrypt(result.credentials.apiHash) } : null,
        },
        now,
      );
      if (result.self) upsertAccountEntities(db, stored.id, [result.self], now);
      return stored;
    })();
    deps.audit({ actor, action: saved.created ? 'accounts.add' : 'accounts.reSignIn', target: `account:${saved.id}`, details: { phone: result.phone } });
    // A re-sign-in replaces the session a running (or revoked) runtime still holds.
    await restart(need(saved.id));
    announce(saved.id);
    return view(need(saved.id));
  }

  const signIns = createSignIns({ clock, logger: deps.logger, telegram, complete });
  const allowTestRange = telegram.kind === 'sandbox';

  return {
    async startAll() {
      for (const row of listAccounts(db)) if (row.enabled === 1 && !runtimes.has(row.id)) startRuntime(row);
    },
    async stopAll() {
      signIns.closeAll();
      await Promise.all([...runtimes.keys()].map(stopRuntime));
    },
    async restartAll() {
      const rows = listAccounts(db).filter((row) => row.enabled === 1 && row.session_enc);
      await Promise.all(rows.map(restart));
      return rows.length;
    },
    retryNow() {
      for (const runtime of runtimes.values()) runtime.retryNow();
    },
    connection: (accountId) => runtimes.get(accountId)?.connection ?? null,
    health(): HealthEntry[] {
      return listAccounts(db).map((row) => ({ kind: 'account', id: row.id, name: accountName(row), state: stateOf(row) }));
    },
    handlers: {
      'accounts.list': () => ({ accounts: listAccounts(db).map(view), defaults: defaultApiView(db) }),
      'accounts.setDefaultApi': ({ apiId, apiHash }, call) => {
        writeDefaultApi(db, secrets, { apiId, apiHash });
        deps.audit({ actor: call.actor, action: 'accounts.setDefaultApi', details: { apiId } });
        return { apiId, hasApiHash: true };
      },
      'accounts.startSignIn': async ({ phone, apiId, apiHash }) => {
        const normalised = normalisePhone(phone, { allowTestRange });
        const own = apiId !== undefined && apiHash !== undefined;
        const credentials = own ? { apiId, apiHash } : credentialsFor(db, secrets, telegram, null);
        return signIns.start({ phone: normalised, credentials, ownApi: own });
      },
      'accounts.resendCode': ({ flowId }) => signIns.resendCode(flowId),
      'accounts.submitCode': ({ flowId, code }, call) => signIns.submitCode(flowId, code, call.actor),
      'accounts.submitPassword': ({ flowId, password }, call) => signIns.submitPassword(flowId, password, call.actor),
      'accounts.cancelSignIn': ({ flowId }) => ({ cancelled: signIns.cancel(flowId) }),
      'accounts.reSignIn': async ({ id }) => {
        const row = need(id);
        // Own credentials stay with the account; the flow must not store them a second time.
        return signIns.start({ phone: row.phone, credentials: credentialsFor(db, secrets, telegram, row), ownApi: false });
      },
      'accounts.start': async ({ id }, call) => {
        need(id);
        setEnabled(db, id, true, clock.now());
        deps.audit({ actor: call.actor, action: 'accounts.start', target: `account:${id}` });
        // An account that ended in an error (or was never started) gets a fresh try.
        const status = runtimes.get(id)?.state.status;
        if (status === undefined || status === 'error' || status === 'needs_sign_in') await restart(need(id));
        announce(id);
        return view(need(id));
      },
      'accounts.stop': async ({ id }, call) => {
        need(id);
        setEnabled(db, id, false, clock.now());
        await stopRuntime(id);
        deps.audit({ actor: call.actor, action: 'accounts.stop', target: `account:${id}` });
        announce(id);
        return view(need(id));
      },
      'accounts.remove': async ({ id }, call) => {
        const row = need(id);
        await stopRuntime(id);
        deleteAccount(db, id, clock.now());
        deps.audit({ actor: call.actor, action: 'accounts.remove', target: `account:${id}`, details: { phone: row.phone } });
        events.emit({ type: 'accounts.removed', payload: { id } });
        deps.domainEvents.emit('connection.removed', { kind: 'account', id });
        return { removed: true };
      },
    },
  };
}

function notFound(id: number): never {
  throw new DeskError('not_found', `There is no account ${id}.`);
}
