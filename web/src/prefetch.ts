import { immediately, type Defer } from './afterPaint';
import type { QueueItem } from './api';

/** Asks the server for up to `count` items, leaving out `exclude` (done or skipped here, maybe not yet stored). */
export type QueueFetcher = (count: number, exclude: number[]) => Promise<QueueItem[]>;

/**
 * The items to label next. With depth > 0 it keeps `depth` items beyond the current one, so advancing is a
 * synchronous array shift and the refill happens in the background; depth 0 fetches on demand (the slow
 * comparison). Ids this client finished or skipped are sent as exclusions until the server knows them.
 */
export class PrefetchQueue {
  private buffer: QueueItem[] = [];
  private finished: number[] = [];
  private inflight: Promise<boolean> | null = null;
  private exhausted = false;
  private currentItem: QueueItem | null = null;

  constructor(
    private readonly fetcher: QueueFetcher,
    private readonly depth: number,
    private readonly onChange: () => void = () => {},
    private readonly keepFinished = 1000,
    initialFinished: number[] = [],
    /** When the background refill after an advance starts (the annotate page: after the next item is painted). */
    private readonly defer: Defer = immediately,
  ) {
    this.finished.push(...initialFinished);
  }

  get current(): QueueItem | null {
    return this.currentItem;
  }

  get buffered(): number {
    return this.buffer.length;
  }

  /** True once the server had nothing more to give and the buffer is empty. */
  get done(): boolean {
    return this.exhausted && this.buffer.length === 0 && this.currentItem === null;
  }

  /** Loads the first item. */
  async start(): Promise<QueueItem | null> {
    const ok = await this.refill();
    this.currentItem = this.buffer.shift() ?? null;
    if (ok) this.topUp();
    return this.currentItem;
  }

  /**
   * Marks the current item finished and moves on. Returns the next item at once when it is buffered;
   * otherwise null, and `onChange` fires when one arrives.
   */
  advance(): QueueItem | null {
    if (this.currentItem) this.remember(this.currentItem.id);
    this.currentItem = this.buffer.shift() ?? null;
    if (this.currentItem) {
      this.defer(() => this.topUp());
      return this.currentItem;
    }
    void this.refill().then(() => {
      if (!this.currentItem) this.currentItem = this.buffer.shift() ?? null;
      this.topUp();
      this.onChange();
    });
    return null;
  }

  /** With nothing to show (offline, or the server was slow), asks again; a no-op while a fetch runs. */
  resume(): void {
    if (this.currentItem || this.inflight || this.done) return;
    void this.refill().then(() => {
      if (!this.currentItem) this.currentItem = this.buffer.shift() ?? null;
      this.topUp();
      this.onChange();
    });
  }

  /** Shows `item` again (going back) and puts the current one first in line. */
  revisit(item: QueueItem): void {
    if (this.currentItem && this.currentItem.id !== item.id) this.buffer.unshift(this.currentItem);
    this.currentItem = item;
  }

  /** The buffered items after the current one, in the order they will be shown (e.g. to preload their images). */
  upcoming(): QueueItem[] {
    return [...this.buffer];
  }

  /** The items held (current and buffered), e.g. to renew their leases. */
  held(): number[] {
    return [...(this.currentItem ? [this.currentItem.id] : []), ...this.buffer.map((i) => i.id)];
  }

  private remember(id: number): void {
    this.finished.push(id);
    if (this.finished.length > this.keepFinished) this.finished.splice(0, this.finished.length - this.keepFinished);
  }

  private topUp(): void {
    if (this.depth > 0 && this.buffer.length < this.depth && !this.exhausted && !this.inflight)
      void this.refill().then((ok) => {
        this.onChange();
        if (ok) this.topUp();
      });
  }

  /** Resolves false when the fetch failed (offline), so callers do not spin. */
  private refill(): Promise<boolean> {
    if (this.inflight) return this.inflight;
    const held = new Set(this.held());
    const want = Math.max(held.size + 1, 1 + this.depth);
    this.inflight = this.fetcher(want, [...this.finished])
      .then((items) => {
        const fresh = items.filter((i) => !held.has(i.id) && !this.finished.includes(i.id));
        this.buffer.push(...fresh.filter((i) => !this.buffer.some((b) => b.id === i.id)));
        this.exhausted = fresh.length === 0;
        return true;
      })
      // Offline: keep what is buffered; the next advance tries again.
      .catch(() => false)
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }
}
