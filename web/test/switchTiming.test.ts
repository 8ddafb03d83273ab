import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markSwitchStart, measureSwitchPainted, noteSwitchWaits } from '../src/switchTiming';

describe('switch timing', () => {
  let frames: (() => void)[] = [];
  /** Runs one animation frame: the callbacks registered before it, in order (new ones go to the next frame). */
  const frame = () => {
    const now = frames;
    frames = [];
    now.forEach((fn) => fn());
  };
  const detail = () => (performance.getEntriesByName('lf:item-switch').at(-1) as PerformanceMeasure).detail;

  beforeEach(() => {
    performance.clearMeasures();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (fn: () => void) => frames.push(fn));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('says the item was painted in the first frame after the keypress when it was in the DOM before that frame', () => {
    markSwitchStart();
    measureSwitchPainted();
    expect(performance.getEntriesByName('lf:item-render')).toHaveLength(1);
    expect(performance.getEntriesByName('lf:item-switch')).toHaveLength(0);
    frame();
    expect(detail()).toMatchObject({ frame: 1, waited: false });
    expect(detail().first_frame_ms).toBeGreaterThanOrEqual(0);
    frame();
    expect(frames).toHaveLength(0);
  });

  it('counts the frames that passed before the item came, and notes that it waited for the server', () => {
    markSwitchStart();
    noteSwitchWaits();
    frame();
    frame();
    measureSwitchPainted();
    frame();
    expect(detail()).toMatchObject({ frame: 3, waited: true });
    frame();
    expect(frames).toHaveLength(0);
  });

  it('stops counting the frames of a switch that a newer keypress replaced', () => {
    markSwitchStart();
    markSwitchStart();
    measureSwitchPainted();
    frame();
    expect(performance.getEntriesByName('lf:item-switch')).toHaveLength(1);
    expect(detail()).toMatchObject({ frame: 1 });
    frame();
    expect(frames).toHaveLength(0);
  });
});
