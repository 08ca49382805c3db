import { useEffect, useState, type RefObject } from 'react';

/**
 * True once the element has come near the viewport. The virtual list already renders only
 * nearby rows; this keeps its overscan rows from fetching files nobody looks at. Where the
 * browser has no IntersectionObserver, the element counts as seen.
 */
export function useSeen(ref: RefObject<Element | null>): boolean {
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (seen || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, seen]);
  return seen;
}
