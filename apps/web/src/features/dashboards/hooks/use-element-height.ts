import { useEffect, useRef, useState } from 'react';

/** The height of an element, kept up to date as it is resized (a tile's body, for its chart). */
export const useElementHeight = <E extends HTMLElement>() => {
  const ref = useRef<E>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setHeight(Math.floor(entry?.contentRect.height ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, height };
};
