import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineHandlers } from '../contract/dispatcher';
import { guardTeamCalls, TEAM_CALL_SCOPES, unscopedTeamCalls } from './call-scopes';

const kept = { ...TEAM_CALL_SCOPES };
afterEach(() => {
  for (const method of Object.keys(TEAM_CALL_SCOPES)) delete TEAM_CALL_SCOPES[method as keyof typeof TEAM_CALL_SCOPES];
  Object.assign(TEAM_CALL_SCOPES, kept);
});

describe('the scope of each team call', () => {
  it('is declared for every team call of the contract', () => {
    expect(unscopedTeamCalls()).toEqual([]);
  });

  it('refuses a team call nobody scoped to an operator, and lets an admin make it', async () => {
    delete TEAM_CALL_SCOPES['inbox.labels'];
    const handlers = { 'inbox.labels': () => ({ labels: [] }) } as unknown as EngineHandlers;
    const guarded = guardTeamCalls(handlers, new Database(':memory:'));
    expect(() => guarded['inbox.labels']({}, { actor: 'operator:a', role: 'operator', sessionId: 's' })).toThrow(
      expect.objectContaining({ code: 'forbidden', message: 'Only an admin of this desk may do that.' }),
    );
    expect(await guarded['inbox.labels']({}, { actor: 'operator:local', role: 'admin', sessionId: null })).toEqual({ labels: [] });
    expect(unscopedTeamCalls()).toEqual(['inbox.labels']);
  });
});
