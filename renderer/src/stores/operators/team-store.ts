import { create } from 'zustand';
import type { DeskErrorShape } from '../../../../shared/contract/result';
import type { TeamSettings, TeamSharingState } from '../../../../shared/domain/operators';
import { errorShape, type DeskClient } from '../../client/desk-client';

/** What checking a team desk's address and fingerprint found. */
export type HubProbe =
  | { status: 'idle' | 'checking' }
  | { status: 'ok'; url: string; fingerprint: string }
  /** The desk answered with another certificate than the one given: never connect. */
  | { status: 'mismatch'; fingerprint: string }
  | { status: 'failed'; error: DeskErrorShape };

export interface TeamState {
  /** Where the hub stands; null until loaded. */
  value: TeamSharingState | null;
  loading: boolean;
  loadError: DeskErrorShape | null;
  saving: boolean;
  saveError: DeskErrorShape | null;
  load(): Promise<void>;
  save(settings: TeamSettings): Promise<boolean>;
  renewCertificate(): Promise<boolean>;
  applyRemote(value: TeamSharingState): void;
  probe: HubProbe;
  probeHub(url: string, fingerprint: string): Promise<void>;
}

const sameFingerprint = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/** "Share with my team": the hub's settings, its address and certificate fingerprint. */
export function createTeamStore(client: DeskClient) {
  return create<TeamState>()((set) => {
    const write = async (run: () => Promise<TeamSharingState>) => {
      set({ saving: true, saveError: null });
      try {
        set({ value: await run(), saving: false });
        return true;
      } catch (error) {
        set({ saving: false, saveError: errorShape(error) });
        return false;
      }
    };
    return {
      value: null,
      loading: false,
      loadError: null,
      saving: false,
      saveError: null,
      async load() {
        set({ loading: true, loadError: null });
        try {
          set({ value: await client.call('operators.team', {}), loading: false });
        } catch (error) {
          set({ loading: false, loadError: errorShape(error) });
        }
      },
      save: (settings) => write(() => client.call('operators.saveTeam', settings)),
      renewCertificate: () => write(() => client.call('operators.renewCertificate', { confirm: true })),
      applyRemote(value) {
        set({ value });
      },
      probe: { status: 'idle' },
      async probeHub(url, fingerprint) {
        set({ probe: { status: 'checking' } });
        try {
          const answer = await client.call('operators.probeHub', { url, fingerprint });
          set({ probe: sameFingerprint(answer.fingerprint, fingerprint) ? { status: 'ok', url, fingerprint: answer.fingerprint } : { status: 'mismatch', fingerprint: answer.fingerprint } });
        } catch (error) {
          set({ probe: { status: 'failed', error: errorShape(error) } });
        }
      },
    };
  });
}
