import type { OperatorRole, SessionView } from '../../../shared/domain/operators';
import type { HubSessions, ResolvedSession, SessionEndReason, SignInOutcome } from '../operators/team-ports';
import type { Clock } from '../platform/clock';

/** Wrong passwords in a row after which a name is slowed down. */
export const FAKE_THROTTLE_AFTER = 3;
export const FAKE_THROTTLE_MS = 30_000;

interface FakeOperator {
  id: string;
  name: string;
  role: OperatorRole;
  password: string | null;
  wrongInARow: number;
}

interface FakeSession {
  id: string;
  operatorId: string;
  expiresAt: number;
  ended: SessionEndReason | null;
}

/**
 * The operators service as the hub sees it, small enough to read in one go: operators with
 * plain passwords, invites, sessions that expire by the clock, and ends reported to listeners.
 * The real service (slow hashes, the database) has its own tests.
 */
export function fakeHubSessions(clock: Clock, sessionMs = 12 * 3600_000) {
  const operators = new Map<string, FakeOperator>();
  const invites = new Map<string, string>();
  const sessions = new Map<string, FakeSession>();
  const endListeners = new Set<(ended: { sessionId: string; reason: SessionEndReason }[]) => void>();
  const openWindows = new Map<string, number>();
  let next = 1;

  const byName = (name: string) => [...operators.values()].find((o) => o.name === name);

  function startSession(operator: FakeOperator): SignInOutcome {
    const token = `token-${next}-${Math.random().toString(36).slice(2)}`;
    const session: FakeSession = { id: `session-${next++}`, operatorId: operator.id, expiresAt: clock.now() + sessionMs, ended: null };
    sessions.set(token, session);
    const view: SessionView = { id: session.id, operatorId: operator.id, createdAt: clock.now(), expiresAt: session.expiresAt, lastSeenAt: clock.now(), userAgent: null, address: null, current: false };
    return { ok: true, token, session: view, operatorName: operator.name };
  }

  /** `tell` false: the end is only found when the session is next resolved (as a hub between calls finds it). */
  function end(matching: (session: FakeSession) => boolean, reason: SessionEndReason, tell = true): void {
    const ended = [...sessions.values()].filter((s) => s.ended === null && matching(s));
    for (const session of ended) session.ended = reason;
    if (tell && ended.length > 0) for (const listener of endListeners) listener(ended.map((s) => ({ sessionId: s.id, reason })));
  }

  const port: HubSessions = {
    async signIn(name, password) {
      const operator = byName(name);
      if (!operator || operator.password === null) return { ok: false, reason: 'wrong_password', message: 'Wrong name or password.' };
      if (operator.wrongInARow >= FAKE_THROTTLE_AFTER) {
        return { ok: false, reason: 'throttled', message: `Too many wrong passwords; try again in ${FAKE_THROTTLE_MS / 1000} s.`, retryAfterMs: FAKE_THROTTLE_MS };
      }
      if (operator.password !== password) {
        operator.wrongInARow += 1;
        return { ok: false, reason: 'wrong_password', message: 'Wrong name or password.' };
      }
      operator.wrongInARow = 0;
      return startSession(operator);
    },
    inviteFor(token) {
      const operatorId = invites.get(token);
      const operator = operatorId ? operators.get(operatorId) : undefined;
      return operator ? { operatorName: operator.name, expiresAt: clock.now() + 86_400_000 } : null;
    },
    async acceptInvite(token, password) {
      const operatorId = invites.get(token);
      const operator = operatorId ? operators.get(operatorId) : undefined;
      if (!operator) return { ok: false, reason: 'unknown_invite', message: 'This invite link is not valid.' };
      if (password.length < 8) return { ok: false, reason: 'weak_password', message: 'A password needs at least 8 characters.' };
      invites.delete(token);
      operator.password = password;
      return startSession(operator);
    },
    resolve(token): ResolvedSession {
      const session = sessions.get(token);
      if (!session) return { ok: false, reason: 'unknown', message: 'You are not signed in.' };
      if (session.ended === null && session.expiresAt <= clock.now()) session.ended = 'expired';
      if (session.ended !== null) return { ok: false, reason: session.ended, message: `Your session ended (${session.ended}); sign in again.` };
      const operator = operators.get(session.operatorId)!;
      return { ok: true, ctx: { actor: operator.id, role: operator.role, sessionId: session.id } };
    },
    signOut(token) {
      const session = sessions.get(token);
      if (session) end((s) => s === session, 'signed_out');
    },
    onEnded(listener) {
      endListeners.add(listener);
      return () => endListeners.delete(listener);
    },
    windowOpened(operatorId) {
      openWindows.set(operatorId, (openWindows.get(operatorId) ?? 0) + 1);
      let closed = false;
      return () => {
        if (closed) return;
        closed = true;
        openWindows.set(operatorId, openWindows.get(operatorId)! - 1);
      };
    },
  };

  return {
    sessions: port,
    /** An operator who can sign in with `password`. */
    addOperator(name: string, password: string, role: OperatorRole = 'operator'): string {
      const id = `operator:${name.toLowerCase()}`;
      operators.set(id, { id, name, role, password, wrongInARow: 0 });
      return id;
    },
    /** An operator with no password yet and their one-time link's token. */
    invite(name: string): { operatorId: string; token: string } {
      const id = `operator:${name.toLowerCase()}`;
      operators.set(id, { id, name, role: 'operator', password: null, wrongInARow: 0 });
      const token = `invite-${next++}`;
      invites.set(token, id);
      return { operatorId: id, token };
    },
    revoke: (sessionId: string, tell = true) => end((s) => s.id === sessionId, 'revoked', tell),
    remove(operatorId: string, tell = true): void {
      operators.delete(operatorId);
      end((s) => s.operatorId === operatorId, 'removed', tell);
    },
    openWindows: (operatorId: string) => openWindows.get(operatorId) ?? 0,
  };
}
