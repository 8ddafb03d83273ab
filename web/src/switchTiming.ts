/** What one item switch recorded so far: its start mark and the animation frames seen since the keypress. */
interface Switch {
  mark: string;
  /** Animation frames that began since the keypress (1 during the first frame after it). */
  frames: number;
  /** Keypress to the start of the first animation frame after it: the wait for the frame, whatever the page does. */
  firstFrameMs: number;
  /** The next item was not buffered: the switch waited for the server, not only for the page. */
  waited: boolean;
  ended: boolean;
}

let pending: Switch | null = null;
let counter = 0;

/**
 * Marks the keypress that starts an item switch (the instrumentation contract: lf:item-switch) and counts the
 * animation frames from there, so the measure can say in which frame after the keypress the item was painted.
 */
export function markSwitchStart(): void {
  if (pending) pending.ended = true;
  const mark = `lf:switch-start:${++counter}`;
  const start = performance.mark(mark).startTime;
  const s: Switch = { mark, frames: 0, firstFrameMs: NaN, waited: false, ended: false };
  pending = s;
  const tick = () => {
    if (s.ended) return;
    if (++s.frames === 1) s.firstFrameMs = performance.now() - start;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Notes that the switch under way has no next item to show yet and waits for the server's answer. */
export function noteSwitchWaits(): void {
  if (pending) pending.waited = true;
}

/**
 * Called once the next item is in the DOM: `lf:item-render` ends now (the page's own work), `lf:item-switch`
 * in the next animation frame, i.e. as the item is painted (so it includes waiting for the frame). The
 * switch's detail says which frame after the keypress that was (`frame` 1: the first) and how long the
 * first frame took to come (`first_frame_ms`), the part of the interval no page work can shorten, and whether
 * the item had to come from the server first (`waited`).
 */
export function measureSwitchPainted(): void {
  const s = pending;
  if (!s) return;
  pending = null;
  performance.measure('lf:item-render', s.mark);
  // Registered after the frame counter's callback, so in the same frame it runs after the count went up.
  requestAnimationFrame(() => {
    s.ended = true;
    performance.measure('lf:item-switch', { start: s.mark, detail: { frame: s.frames, first_frame_ms: s.firstFrameMs, waited: s.waited } });
    performance.clearMarks(s.mark);
  });
}
