import { useEffect, useRef } from 'preact/hooks';

/**
 * Page-wide keyboard shortcuts: `handler` gets every keydown's key (single characters lower-cased) and returns true
 * when the key was a shortcut, which then prevents the browser's default. Chords with Ctrl, Meta or Alt and keys
 * typed into inputs and textareas are left to the browser. The handler of the latest render is the one called: it
 * is replaced during render, not in an effect, because a key pressed right after a paint must act on what that
 * paint showed, and effects may run later than the paint. `alt: true` hands Alt chords to the handler too (the object
 * editor pans with Alt + arrows).
 */
export function useKeyboard(handler: (key: string, e: KeyboardEvent) => boolean, options: { alt?: boolean } = {}): void {
  const latest = useRef(handler);
  latest.current = handler;
  const alt = options.alt ?? false;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || (e.altKey && !alt)) return;
      if (e.target instanceof Element && e.target.closest('input, textarea')) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (latest.current(key, e)) e.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [alt]);
}
