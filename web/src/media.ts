/** An item's image, when its document names one (image projects: `media`, `image`, `width`, `height`). */
export interface ItemMedia {
  url: string;
  path: string;
  width: number;
  height: number;
}

/**
 * The image of an item, or null for text items. The URL carries the key's version (its first 16 hex digits), so the
 * server lets the browser keep the answer for good; the same URL always means the same bytes.
 */
export function itemMedia(projectId: number, item: { id: number; data: unknown }): ItemMedia | null {
  const data = item.data as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || typeof data.media !== 'string') return null;
  const version = data.media.slice(0, 16);
  return {
    url: `/api/projects/${projectId}/items/${item.id}/media?v=${encodeURIComponent(version)}`,
    path: typeof data.image === 'string' ? data.image : '',
    width: typeof data.width === 'number' ? data.width : 0,
    height: typeof data.height === 'number' ? data.height : 0,
  };
}

/** The part of an image element the preloader uses (an HTMLImageElement in the page, a fake in tests). */
export interface DecodableImage {
  src: string;
  decoding: string;
  decode(): Promise<void>;
  dataset: Record<string, string | undefined>;
}

/**
 * Images of the items next in line, fetched and decoded before they are shown: each gets an image element whose
 * `decode()` runs in the background, and the page shows that same element, so showing the next item costs neither a
 * download nor a decode. Keeps the `keep` most recently wanted images (the one on screen and the ones after it, plus
 * a few behind for going back). A decoded element is marked `data-decoded="true"`.
 */
export class ImagePreloader<T extends DecodableImage = HTMLImageElement> {
  private readonly images = new Map<string, T>();

  constructor(
    private readonly make: () => T,
    private readonly keep = 12,
  ) {}

  /** Starts fetching and decoding `urls` (in order of need) that are not held yet. */
  preload(urls: string[]): void {
    for (const url of urls) this.element(url);
  }

  /** The element for `url`, started now if it was not preloaded. */
  element(url: string): T {
    let image = this.images.get(url);
    if (image) {
      // Most recently wanted last, so eviction drops the oldest.
      this.images.delete(url);
    } else {
      image = this.make();
      image.decoding = 'async';
      image.src = url;
      const started = image;
      started.decode().then(
        () => (started.dataset.decoded = 'true'),
        () => (started.dataset.decoded = 'false'),
      );
    }
    this.images.set(url, image);
    while (this.images.size > this.keep) this.images.delete(this.images.keys().next().value!);
    return image;
  }

  /** True when `url` is held and decoded. */
  isDecoded(url: string): boolean {
    return this.images.get(url)?.dataset.decoded === 'true';
  }

  get size(): number {
    return this.images.size;
  }
}
