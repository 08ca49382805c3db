import type { OperatorRole } from '../../../shared/domain/operators';
import type { AreaId } from './areas';

/**
 * What an operator who is not an admin may open: their conversations and the team's list.
 * Everything else runs admin-only calls the engine would refuse.
 */
const OPERATOR_AREAS: readonly AreaId[] = ['inbox', 'team'];

export function areaAllowed(area: AreaId, role: OperatorRole): boolean {
  return role === 'admin' || OPERATOR_AREAS.includes(area);
}
