import type { CallContext } from '../contract/dispatcher';

/** A call made by an admin (the desk's own window, unless a test names someone else). */
export function adminCall(actor = 'operator:local'): CallContext {
  return { actor, role: 'admin', sessionId: null };
}
