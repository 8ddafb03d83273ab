/** Runs work that must not delay a frame: queued with `schedule(fn)`, run later by the scheduler. */
export type Defer = (fn: () => void) => void;

/**
 * Runs `fn` after the next frame is painted: a requestAnimationFrame callback runs just before the frame's
 * paint, and a MessageChannel message posted from it runs as the next task, i.e. once the frame is out.
 * (A setTimeout(0) would work too, but nested timers may be clamped to 4 ms.) Without a DOM it runs now.
 */
export const afterNextPaint: Defer = (fn) => {
  if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') {
    fn();
    return;
  }
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      fn();
    };
    channel.port2.postMessage(null);
  });
};

/** Runs `fn` at once: the default where nothing needs deferring (and in tests). */
export const immediately: Defer = (fn) => fn();
