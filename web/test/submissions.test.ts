import { describe, expect, it } from 'vitest';
import { SubmissionQueue, type KeyValueStore, type SendOutcome, type Submission } from '../src/submissions';

class MemoryStore implements KeyValueStore {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
}

const sub = (n: number): Submission => ({ request_id: `r${n}`, project_id: 1, item_id: n, author: 'a', label_ids: [1], time_spent_ms: 10 });
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

function manualTimers() {
  const due: { fn: () => void; ms: number }[] = [];
  return { due, setTimer: (fn: () => void, ms: number) => due.push({ fn, ms }), fire: () => due.splice(0).forEach((t) => t.fn()) };
}

describe('SubmissionQueue', () => {
  it('sends in order and empties the queue', async () => {
    const sent: string[] = [];
    const q = new SubmissionQueue('k', new MemoryStore(), async (s) => (sent.push(s.request_id), 'ok'));
    q.enqueue(sub(1));
    q.enqueue(sub(2));
    await settle();
    expect(sent).toEqual(['r1', 'r2']);
    expect(q.pending).toBe(0);
  });

  it('keeps submissions across a reload while the server is down, then sends each once', async () => {
    const store = new MemoryStore();
    const timers = manualTimers();
    let up = false;
    const stored: string[] = [];
    const send = async (s: Submission): Promise<SendOutcome> => {
      if (!up) throw new Error('network down');
      stored.push(s.request_id);
      return 'ok';
    };
    const before = new SubmissionQueue('k', store, send, { setTimer: timers.setTimer });
    before.enqueue(sub(1));
    before.enqueue(sub(2));
    await settle();
    expect(before.pending).toBe(2);

    const after = new SubmissionQueue('k', store, send, { setTimer: timers.setTimer });
    expect(after.pending).toBe(2);
    up = true;
    after.kick();
    await settle();
    expect(stored).toEqual(['r1', 'r2']);
    expect(new SubmissionQueue('k', store, send).pending).toBe(0);
  });

  it('backs off exponentially up to the maximum', async () => {
    const timers = manualTimers();
    const q = new SubmissionQueue('k', new MemoryStore(), async () => 'retry', { baseDelayMs: 100, maxDelayMs: 500, setTimer: timers.setTimer });
    q.enqueue(sub(1));
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      await settle();
      delays.push(timers.due[0].ms);
      timers.fire();
    }
    expect(delays).toEqual([100, 200, 400, 500, 500]);
    expect(q.pending).toBe(1);
  });

  it('moves rejected submissions to a kept failed list and can retry them', async () => {
    const store = new MemoryStore();
    let reject = true;
    const q = new SubmissionQueue('k', store, async () => (reject ? { fail: 'unknown label' } : 'ok'));
    q.enqueue(sub(1));
    await settle();
    expect(q.pending).toBe(0);
    expect(q.failed.map((f) => f.reason)).toEqual(['unknown label']);
    expect(new SubmissionQueue('k', store, async () => 'ok').failed).toHaveLength(1);
    reject = false;
    q.retryFailed();
    await settle();
    expect(q.failed).toHaveLength(0);
    expect(q.pending).toBe(0);
  });

  it('notifies listeners on every change', async () => {
    let calls = 0;
    const q = new SubmissionQueue('k', new MemoryStore(), async () => 'ok');
    q.subscribe(() => calls++);
    q.enqueue(sub(1));
    await settle();
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  describe('with a deferred store and send', () => {
    function deferred() {
      const queued: (() => void)[] = [];
      return { queued, defer: (fn: () => void) => void queued.push(fn), run: () => queued.splice(0).forEach((fn) => fn()) };
    }

    it('neither stores nor sends on enqueue, and does both once the deferred work runs', async () => {
      const store = new MemoryStore();
      const later = deferred();
      const sent: string[] = [];
      const q = new SubmissionQueue('k', store, async (s) => (sent.push(s.request_id), 'ok'), { defer: later.defer });
      let heard = 0;
      q.subscribe(() => heard++);
      q.enqueue(sub(1));
      q.enqueue(sub(2));
      expect(store.data.has('k:pending')).toBe(false);
      expect(q.pending).toBe(2);
      expect(q.pendingItemIds()).toEqual([1, 2]);
      expect(later.queued).toHaveLength(1);
      expect(heard).toBe(2);
      const saved = new SubmissionQueue('k', new MemoryStore(), async () => 'ok');
      expect(saved.pending).toBe(0);
      later.run();
      expect(JSON.parse(store.data.get('k:pending')!).map((s: Submission) => s.request_id)).toEqual(['r1', 'r2']);
      await settle();
      expect(sent).toEqual(['r1', 'r2']);
      expect(q.pending).toBe(0);
    });

    it('flush stores queued submissions at once, so a page closed before the deferred work keeps them', () => {
      const store = new MemoryStore();
      const later = deferred();
      const q = new SubmissionQueue('k', store, async () => 'retry', { defer: later.defer });
      q.enqueue(sub(1));
      q.flush();
      expect(new SubmissionQueue('k', store, async () => 'ok').pendingItemIds()).toEqual([1]);
      q.enqueue(sub(2));
      q.flush();
      expect(new SubmissionQueue('k', store, async () => 'ok').pendingItemIds()).toEqual([1, 2]);
    });

    it('flush with nothing new writes nothing', () => {
      const store = new MemoryStore();
      let writes = 0;
      const counting: KeyValueStore = { getItem: store.getItem, setItem: (k, v) => (writes++, store.setItem(k, v)) };
      const q = new SubmissionQueue('k', counting, async () => 'ok', { defer: () => undefined });
      q.flush();
      expect(writes).toBe(0);
      q.enqueue(sub(1));
      q.flush();
      q.flush();
      expect(writes).toBe(1);
    });
  });
});
