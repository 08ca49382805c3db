import { z } from 'zod';
import { call, confirmed, domain, teamCall } from '../define';
import {
  OPERATOR_ROLES,
  type InviteLink,
  type OperatorView,
  type SessionView,
  type TeamSharingState,
} from '../../domain/operators';

export const operatorId = z.string().min(1).max(100);
export const senderRef = z.object({ kind: z.enum(['account', 'bot']), id: z.number().int().positive() }).strict();

/** A team desk's address as the desktop app connects to it: TLS only. */
export const hubUrl = z.url({ protocol: /^https$/, error: 'must be an https:// address' });
/** The hub's certificate fingerprint as it shows it, in any letter case. */
export const hubFingerprint = z.string().trim().regex(/^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/, 'must be the 32-byte SHA-256 fingerprint the hub shows (AB:CD:…)');

/** What an admin sets on a profile; the window's form and the engine share it. */
export const operatorProfileSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(80, 'is longer than 80 characters'),
    role: z.enum(OPERATOR_ROLES),
    languages: z.array(z.string().trim().regex(/^[a-z]{2,3}$/, 'must be a language code such as ru or en')).max(10).default([]),
    // Zero or less would make an operator who can never take a chat: refuse it plainly.
    capacity: z.number().int('must be a whole number').min(1, 'must be at least 1 open conversation').max(1000, 'must be at most 1000').nullable(),
    autoAssign: z.boolean().default(true),
    senders: z.array(senderRef).max(500).default([]),
  })
  .strict()
  .refine((p) => p.role === 'admin' || p.capacity !== null, { message: 'an operator needs a capacity (open conversations at once)', path: ['capacity'] });

export const teamSettingsSchema = z
  .object({
    shared: z.boolean(),
    host: z.string().trim().min(1, 'must not be empty').max(255),
    port: z.number().int().min(1, 'must be a port from 1 to 65535').max(65535, 'must be a port from 1 to 65535'),
    sessionHours: z.number().int().min(1, 'must be at least 1 hour').max(24 * 90, 'must be at most 90 days'),
    returnAfterMinutes: z.number().int().min(1, 'must be at least 1 minute').max(24 * 60, 'must be at most a day'),
    operatorsMayReassign: z.boolean(),
  })
  .strict();

export const operators = domain({
  /** Who the asking window is signed in as. */
  me: teamCall(z.object({}).strict()).returns<{ operator: OperatorView; sessionId: string | null }>(),
  /** Everyone on the team, with presence (an operator sees names and presence, an admin everything). */
  list: teamCall(z.object({}).strict()).returns<{ operators: OperatorView[] }>(),
  /** A new operator and their one-time link to choose a password on the hub. */
  invite: call(operatorProfileSchema).returns<{ operator: OperatorView; invite: InviteLink }>(),
  /** A fresh link for someone who lost theirs or forgot their password; the old password and sessions stop working. */
  reinvite: call(z.object({ id: operatorId }).strict()).returns<{ operator: OperatorView; invite: InviteLink }>(),
  update: call(z.object({ id: operatorId, profile: operatorProfileSchema }).strict()).returns<OperatorView>(),
  /** Signs them out everywhere; their open conversations go back to the queue. */
  remove: call(z.object({ id: operatorId, confirm: confirmed }).strict()).returns<{ removed: true; returnedToQueue: number }>(),
  /** A window says it is there (every 10 s); `attending` false when hidden, idle or set to away. */
  heartbeat: teamCall(z.object({ attending: z.boolean() }).strict()).returns<{ presence: OperatorView['presence'] }>(),
  /** Signed-in sessions: an admin's of anyone (`operatorId`), an operator's own. */
  sessions: teamCall(z.object({ operatorId: operatorId.optional() }).strict()).returns<{ sessions: SessionView[] }>(),
  revokeSession: teamCall(z.object({ sessionId: z.string().min(1).max(100) }).strict()).returns<{ revoked: true }>(),
  /** Ends the asking window's own session (the hub clears its cookie). */
  signOut: teamCall(z.object({}).strict()).returns<{ signedOut: true }>(),
  team: call(z.object({}).strict()).returns<TeamSharingState>(),
  saveTeam: call(teamSettingsSchema).returns<TeamSharingState>(),
  /** A new certificate (the old fingerprint stops matching; every client pins the new one). */
  renewCertificate: call(z.object({ confirm: confirmed }).strict()).returns<TeamSharingState>(),
  /** The desktop app's "connect to a team desk": checks that the hub answers with the pinned certificate. */
  probeHub: call(
    z
      .object({
        url: hubUrl,
        fingerprint: hubFingerprint,
      })
      .strict(),
  ).returns<{ reachable: true; fingerprint: string }>(),
}).events<{
  /** Profiles or presence changed; carries the changed operators. */
  changed: { operators: OperatorView[] };
  /** An operator was removed. */
  removed: { id: string };
  /** The hub started, stopped or failed to listen. */
  teamChanged: TeamSharingState;
  /** This window's session ended (revoked, expired, signed out, operator removed): it shows the sign-in page. */
  sessionEnded: { reason: 'revoked' | 'expired' | 'signed_out' | 'removed' };
}>();
