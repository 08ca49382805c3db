import type { HubSessions } from '../operators/team-ports';

const NOT_YET = 'Signing in to the team desk is not available in this build yet.';

/**
 * TODO(i10): stands in for the operators service's sessions until the lead wires them at merge
 * (engine.ts passes `sessions: () => operators.hubSessions` instead, and this file goes).
 */
export const NO_SIGN_INS: HubSessions = {
  signIn: async () => ({ ok: false, reason: 'wrong_password', message: NOT_YET }),
  inviteFor: () => null,
  acceptInvite: async () => ({ ok: false, reason: 'unknown_invite', message: NOT_YET }),
  resolve: () => ({ ok: false, reason: 'unknown', message: NOT_YET }),
  signOut: () => undefined,
  onEnded: () => () => undefined,
  windowOpened: () => () => undefined,
};
