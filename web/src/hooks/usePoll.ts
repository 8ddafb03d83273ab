import { useEffect, useRef } from 'preact/hooks';

/**
 * Calls `fn` every `ms` while the component is mounted and `enabled` is true. The next call is timed from the end
 * of the previous one (a returned promise settling), so a slow server is never asked twice at once and answers
 * cannot overtake each other. Each call runs the `fn` of the latest render, so it sees current props and state.
 */
export function usePoll(fn: () => unknown, ms: number, enabled = true): void {
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = () => {
      timer = setTimeout(async () => {
        try {
          await latest.current();
        } catch {
          // The caller reports its own errors; polling goes on.
        }
        if (!stopped) next();
      }, ms);
    };
    next();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [ms, enabled]);
}
