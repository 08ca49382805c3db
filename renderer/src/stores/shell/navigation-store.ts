import { create } from 'zustand';
import { DEFAULT_AREA, type AreaId } from '../../app/areas';

export interface NavigationState {
  area: AreaId;
  go(area: AreaId): void;
}

export function createNavigationStore(initial: AreaId = DEFAULT_AREA) {
  return create<NavigationState>()((set) => ({
    area: initial,
    go: (area) => set({ area }),
  }));
}
