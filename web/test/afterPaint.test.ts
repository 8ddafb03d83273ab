import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../src/afterPaint';

describe('afterNextPaint', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('runs the work in a task after the next animation frame, not in the frame or before it', async () => {
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (fn: () => void) => frames.push(fn));
    const order: string[] = [];
    afterNextPaint(() => order.push('work'));
    await new Promise((r) => setTimeout(r, 0));
    expect(order).toEqual([]);
    expect(frames).toHaveLength(1);
    frames[0]();
    order.push('frame done');
    expect(order).toEqual(['frame done']);
    await vi.waitFor(() => expect(order).toEqual(['frame done', 'work']));
  });

  it('runs at once where there are no frames', () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    let ran = false;
    afterNextPaint(() => (ran = true));
    expect(ran).toBe(true);
  });
});
