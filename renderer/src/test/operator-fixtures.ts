import { LOCAL_OPERATOR_ID, DEFAULT_TEAM_SETTINGS, type OperatorView, type TeamSharingState } from '../../../shared/domain/operators';
import type { FakeClient } from './fake-client';

export function testOperator(overrides: Partial<OperatorView> = {}): OperatorView {
  return {
    id: LOCAL_OPERATOR_ID,
    name: 'Desk Admin',
    role: 'admin',
    languages: [],
    capacity: null,
    autoAssign: true,
    senders: [],
    presence: 'active',
    lastActiveAt: Date.now(),
    openConversations: 0,
    state: 'ready',
    telegram: null,
    createdAt: 0,
    ...overrides,
  };
}

export const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0')).join(':');

export function testTeam(overrides: Partial<TeamSharingState> = {}): TeamSharingState {
  return { settings: DEFAULT_TEAM_SETTINGS, url: null, fingerprint: null, error: null, ...overrides };
}

/**
 * An engine that knows who the window is: `me` (the desk's admin unless a test says otherwise),
 * the team's list with presence, and the hub's state.
 */
export function handleOperators(
  fake: FakeClient,
  { me = testOperator(), operators = [me], team = testTeam(), sessionId = null }: { me?: OperatorView; operators?: OperatorView[]; team?: TeamSharingState; sessionId?: string | null } = {},
) {
  fake.handle('operators.me', () => ({ operator: me, sessionId }));
  fake.handle('operators.list', () => ({ operators }));
  fake.handle('operators.team', () => team);
  fake.handle('operators.heartbeat', ({ attending }) => ({ presence: attending ? ('active' as const) : ('away' as const) }));
}
