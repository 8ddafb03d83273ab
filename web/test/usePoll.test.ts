import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePoll } from '../src/hooks/usePoll';

function Poller({ fn, ms, enabled }: { fn: () => unknown; ms: number; enabled?: boolean }) {
  usePoll(fn, ms, enabled);
  return null;
}

describe('usePoll', () => {
  let root: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers();
    root = document.createElement('div');
  });
  afterEach(() => {
    render(null, root);
    vi.useRealTimers();
  });

  it('calls every interval, the first time one interval after mounting', async () => {
    const fn = vi.fn();
    act(() => render(h(Poller, { fn, ms: 100 }), root));
    await vi.advanceTimersByTimeAsync(99);
    expect(fn).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('times the next call from the end of a slow one, so calls never overlap', async () => {
    let finish = () => {};
    const fn = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    act(() => render(h(Poller, { fn, ms: 100 }), root));
    await vi.advanceTimersByTimeAsync(500);
    expect(fn).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(99);
    expect(fn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('goes on after a failed call', async () => {
    const fn = vi.fn(() => Promise.reject(new Error('offline')));
    act(() => render(h(Poller, { fn, ms: 100 }), root));
    await vi.advanceTimersByTimeAsync(300);
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('calls the latest render function and stops when disabled or unmounted', async () => {
    const first = vi.fn();
    const second = vi.fn();
    act(() => render(h(Poller, { fn: first, ms: 100 }), root));
    act(() => render(h(Poller, { fn: second, ms: 100 }), root));
    await vi.advanceTimersByTimeAsync(100);
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([0, 1]);
    act(() => render(h(Poller, { fn: second, ms: 100, enabled: false }), root));
    await vi.advanceTimersByTimeAsync(300);
    expect(second).toHaveBeenCalledTimes(1);
    act(() => render(h(Poller, { fn: second, ms: 100, enabled: true }), root));
    act(() => render(null, root));
    await vi.advanceTimersByTimeAsync(300);
    expect(second).toHaveBeenCalledTimes(1);
  });
});
