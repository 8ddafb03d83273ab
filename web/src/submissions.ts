/** One label decision waiting to be stored; `request_id` makes resending it harmless. */
export interface Submission {
  request_id: string;
  project_id: number;
  item_id: number;
  author: string;
  label_ids: number[];
  /** A text-spans project's answer (label_ids then stays empty): the spans, [] meaning "no entities". */
  spans?: { start: number; end: number; label_id: number }[];
  /** An image-objects project's answer (label_ids stays empty): boxes and polygons in image pixels, [] meaning "none". */
  objects?: { label_id: number; box?: number[]; polygon?: number[][] }[];
  time_spent_ms: number;
  /** The model suggestion shown with the item; the server records whether it was accepted or corrected. */
  suggestion_annotation_id?: number | null;
}

import { immediately, type Defer } from './afterPaint';

export type SendOutcome = 'ok' | 'retry' | 'fail';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface Failed {
  submission: Submission;
  reason: string;
}

export interface QueueOptions {
  baseDelayMs?: number;
  maxDelayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  /**
   * When a new submission is written to the store and sent. The default is at once; the annotate page passes
   * `afterNextPaint` so the keypress that submits only shows the next item, and calls `flush()` when the page
   * may go away (pagehide, hidden), so a submission is still stored before the page can be closed.
   */
  defer?: Defer;
}

/**
 * Submissions go to local storage first and are sent in order, one at a time, in the background. Network
 * and server errors retry with exponential backoff, forever; a request the server rejects (4xx) moves to
 * the failed list, which is also kept, so no label disappears without the user seeing it.
 */
export class SubmissionQueue {
  private pendingList: Submission[];
  private failedList: Failed[];
  private sending = false;
  private attempt = 0;
  private timer: unknown = null;
  private listeners = new Set<() => void>();
  private unsaved = false;
  private scheduled = false;
  private readonly defer: Defer;
  private readonly baseDelay: number;
  private readonly maxDelay: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;

  constructor(
    private readonly key: string,
    private readonly store: KeyValueStore,
    private readonly send: (s: Submission) => Promise<SendOutcome | { fail: string }>,
    options: QueueOptions = {},
  ) {
    this.baseDelay = options.baseDelayMs ?? 500;
    this.maxDelay = options.maxDelayMs ?? 15000;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.defer = options.defer ?? immediately;
    this.pendingList = read<Submission[]>(store, `${key}:pending`) ?? [];
    this.failedList = read<Failed[]>(store, `${key}:failed`) ?? [];
  }

  get pending(): number {
    return this.pendingList.length;
  }

  get failed(): readonly Failed[] {
    return this.failedList;
  }

  /** Items with a label not yet stored: the queue must not hand them out again after a reload. */
  pendingItemIds(): number[] {
    return this.pendingList.map((s) => s.item_id);
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Queues `s` in memory; it is stored and sent when `defer` runs, or at once by `flush()`. Listeners hear of
   * it now, so the pending count changes in the same render (and frame) as the next item.
   */
  enqueue(s: Submission): void {
    this.pendingList.push(s);
    this.unsaved = true;
    this.notify();
    if (this.scheduled) return;
    this.scheduled = true;
    this.defer(() => {
      this.scheduled = false;
      this.flush();
      this.kick();
    });
  }

  /** Writes queued submissions to the store now (synchronously): call it when the page may go away. */
  flush(): void {
    if (!this.unsaved) return;
    this.unsaved = false;
    this.store.setItem(`${this.key}:pending`, JSON.stringify(this.pendingList));
  }

  /** Sends now (e.g. when the browser says it is online again), cancelling any backoff wait. */
  kick(): void {
    this.timer = null;
    this.attempt = 0;
    void this.pump();
  }

  /** Moves failed submissions back into the queue, to send again. */
  retryFailed(): void {
    this.pendingList.push(...this.failedList.map((f) => f.submission));
    this.failedList = [];
    this.save();
    this.kick();
  }

  private async pump(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.pendingList.length > 0 && this.timer === null) {
        const head = this.pendingList[0];
        let outcome: SendOutcome | { fail: string };
        try {
          outcome = await this.send(head);
        } catch {
          outcome = 'retry';
        }
        if (outcome === 'retry') {
          const delay = Math.min(this.maxDelay, this.baseDelay * 2 ** this.attempt++);
          const token = {};
          this.timer = token;
          this.setTimer(() => {
            if (this.timer === token) {
              this.timer = null;
              void this.pump();
            }
          }, delay);
          break;
        }
        this.attempt = 0;
        this.pendingList.shift();
        if (outcome !== 'ok') this.failedList.push({ submission: head, reason: outcome === 'fail' ? 'rejected' : outcome.fail });
        this.save();
      }
    } finally {
      this.sending = false;
    }
  }

  private save(): void {
    this.unsaved = false;
    this.store.setItem(`${this.key}:pending`, JSON.stringify(this.pendingList));
    this.store.setItem(`${this.key}:failed`, JSON.stringify(this.failedList));
    this.notify();
  }

  private notify(): void {
    for (const fn of this.listeners) fn();
  }
}

function read<T>(store: KeyValueStore, key: string): T | null {
  const raw = store.getItem(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}
