let pending: string | null = null;
let counter = 0;

/** Marks the keypress that starts an item switch (the instrumentation contract: lf:item-switch). */
export function markSwitchStart(): void {
  pending = `lf:switch-start:${++counter}`;
  performance.mark(pending);
}

/** Called once the next item is rendered: measures in the next animation frame, i.e. as it is painted. */
export function measureSwitchPainted(): void {
  const start = pending;
  if (!start) return;
  pending = null;
  requestAnimationFrame(() => {
    performance.measure('lf:item-switch', start);
    performance.clearMarks(start);
  });
}
