import { useEffect } from 'react';
import { useStores } from '../context';

/**
 * Whether the desk has more than one operator. Queues and "whose is it" only mean something
 * then: a one-person desk shows its inbox as it always did.
 */
export function useWorksAsTeam(): boolean {
  const { useOperatorsStore } = useStores();
  const ensureLoaded = useOperatorsStore((s) => s.ensureLoaded);
  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);
  return useOperatorsStore((s) => s.items.length > 1);
}
