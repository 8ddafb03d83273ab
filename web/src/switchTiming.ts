let pending: string | null = null;
let counter = 0;

/** Marks the keypress that starts an item switch (the instrumentation contract: lf:item-switch). */
export function markSwitchStart(): void {
  pending = `lf:switch-start:${++counter}`;
  performance.mark(pending);
}

/**
 * Called once the next item is in the DOM: `lf:item-render` ends now (the page's own work), `lf:item-switch`
 * in the next animation frame, i.e. as the item is painted (so it includes waiting for the frame).
 */
export function measureSwitchPainted(): void {
  const start = pending;
  if (!start) return;
  pending = null;
  performance.measure('lf:item-render', start);
  requestAnimationFrame(() => {
    performance.measure('lf:item-switch', start);
    performance.clearMarks(start);
  });
}
