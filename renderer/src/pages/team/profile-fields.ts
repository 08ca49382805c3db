import { operatorProfileSchema } from '../../../../shared/contract/domains/operators';
import type { OperatorRole, OperatorView, SenderRef } from '../../../../shared/domain/operators';
import type { OperatorProfile } from '../../stores/operators/operators-store';
import { contractResolver } from '../../ui/contract-resolver';

/** What the profile form holds: text where a person types, "account:3" for a chosen sender. */
export interface ProfileFields {
  name: string;
  role: OperatorRole;
  /** Language codes as typed: "ru, en". */
  languages: string;
  /** Open conversations at once, as typed; empty: no limit (an admin only). */
  capacity: string;
  autoAssign: boolean;
  senders: string[];
}

export const EMPTY_PROFILE: ProfileFields = { name: '', role: 'operator', languages: '', capacity: '5', autoAssign: true, senders: [] };

export const senderKey = (s: SenderRef) => `${s.kind}:${s.id}`;

function parseSender(key: string): SenderRef {
  const [kind, id] = key.split(':');
  return { kind: kind === 'bot' ? 'bot' : 'account', id: Number(id) };
}

export function fieldsOf(o: OperatorView): ProfileFields {
  return {
    name: o.name,
    role: o.role,
    languages: o.languages.join(', '),
    capacity: o.capacity === null ? '' : String(o.capacity),
    autoAssign: o.autoAssign,
    senders: o.senders.map(senderKey),
  };
}

export function toProfileInput(f: ProfileFields): unknown {
  const capacity = f.capacity.trim();
  return {
    name: f.name,
    role: f.role,
    languages: f.languages
      .split(/[\s,;]+/)
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
    capacity: capacity === '' ? null : Number(capacity),
    autoAssign: f.autoAssign,
    senders: f.senders.map(parseSender),
  };
}

// The engine's own schema: a capacity of 0 is refused here in the same words it would use.
export const profileResolver = contractResolver<ProfileFields, OperatorProfile>(operatorProfileSchema, toProfileInput);
