import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../src/api';
import { PrefetchQueue } from '../src/prefetch';

const item = (id: number): QueueItem => ({ id, external_id: null, text: `t${id}`, data: null, lease_expires_at: '2026-12-02T00:00:00Z' });

/** A fake server: hands out ids in order, returns what a client still holds first, honours exclusions. */
function fakeServer(total: number) {
  const calls: { count: number; exclude: number[] }[] = [];
  const leased = new Set<number>();
  const fetcher = async (count: number, exclude: number[]): Promise<QueueItem[]> => {
    calls.push({ count, exclude: [...exclude] });
    const out: QueueItem[] = [];
    for (const id of [...leased].filter((i) => !exclude.includes(i))) if (out.length < count) out.push(item(id));
    for (let id = 1; id <= total && out.length < count; id++) {
      if (leased.has(id) || exclude.includes(id)) continue;
      leased.add(id);
      out.push(item(id));
    }
    return out;
  };
  return { fetcher, calls };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('PrefetchQueue', () => {
  it('keeps items buffered so advancing needs no network', async () => {
    const server = fakeServer(20);
    const q = new PrefetchQueue(server.fetcher, 3);
    expect((await q.start())?.id).toBe(1);
    await settle();
    expect(q.buffered).toBe(3);
    expect(q.advance()?.id).toBe(2);
    expect(q.advance()?.id).toBe(3);
    await settle();
    expect(q.buffered).toBe(3);
    expect(server.calls.at(-1)!.exclude).toEqual([1, 2]);
  });

  it('without prefetch fetches on demand and reports the item through onChange', async () => {
    const server = fakeServer(3);
    let changes = 0;
    const q = new PrefetchQueue(server.fetcher, 0, () => changes++);
    await q.start();
    expect(q.buffered).toBe(0);
    expect(q.advance()).toBeNull();
    await settle();
    expect(changes).toBe(1);
    expect(q.current?.id).toBe(2);
  });

  it('goes back to a finished item and then returns to the one it left', async () => {
    const server = fakeServer(5);
    const q = new PrefetchQueue(server.fetcher, 2);
    const first = (await q.start())!;
    q.advance();
    q.revisit(first);
    expect(q.current?.id).toBe(1);
    expect(q.advance()?.id).toBe(2);
  });

  it('is done when the server has nothing left', async () => {
    const server = fakeServer(2);
    const q = new PrefetchQueue(server.fetcher, 2);
    await q.start();
    await settle();
    q.advance();
    q.advance();
    await settle();
    expect(q.current).toBeNull();
    expect(q.done).toBe(true);
  });

  it('survives a failed fetch and recovers on the next advance', async () => {
    let fail = true;
    const server = fakeServer(4);
    const q = new PrefetchQueue(
      (c, e) => (fail ? Promise.reject(new Error('offline')) : server.fetcher(c, e)),
      0,
      () => {},
    );
    expect(await q.start()).toBeNull();
    fail = false;
    q.advance();
    await settle();
    expect(q.current?.id).toBe(1);
  });
});

describe('PrefetchQueue after a reload', () => {
  it('does not hand out items whose labels are still waiting to be sent', async () => {
    const server = fakeServer(5);
    const q = new PrefetchQueue(server.fetcher, 2, () => {}, 1000, [1, 2]);
    expect((await q.start())?.id).toBe(3);
    expect(server.calls[0].exclude).toEqual([1, 2]);
  });

  it('resumes after an outage when asked', async () => {
    let fail = true;
    const server = fakeServer(3);
    const q = new PrefetchQueue((c, e) => (fail ? Promise.reject(new Error('down')) : server.fetcher(c, e)), 2);
    expect(await q.start()).toBeNull();
    fail = false;
    q.resume();
    await settle();
    expect(q.current?.id).toBe(1);
  });

  it('starts the refill after an advance only when the deferred work runs', async () => {
    const server = fakeServer(20);
    const queued: (() => void)[] = [];
    const q = new PrefetchQueue(
      server.fetcher,
      3,
      () => {},
      1000,
      [],
      (fn) => void queued.push(fn),
    );
    await q.start();
    await settle();
    const calls = server.calls.length;
    expect(q.advance()?.id).toBe(2);
    expect(server.calls.length).toBe(calls);
    expect(queued).toHaveLength(1);
    queued.splice(0).forEach((fn) => fn());
    expect(server.calls.length).toBe(calls + 1);
    expect(server.calls.at(-1)!.exclude).toEqual([1]);
    await settle();
    expect(q.buffered).toBe(3);
  });
});
