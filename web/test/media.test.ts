import { describe, expect, it } from 'vitest';
import { ImagePreloader, itemMedia, type DecodableImage } from '../src/media';

class FakeImage implements DecodableImage {
  static made: FakeImage[] = [];
  src = '';
  decoding = 'auto';
  dataset: Record<string, string | undefined> = {};
  private resolve: () => void = () => {};
  readonly decoded = new Promise<void>((r) => (this.resolve = r));
  constructor() {
    FakeImage.made.push(this);
  }
  decode(): Promise<void> {
    return this.decoded;
  }
  finish(): void {
    this.resolve();
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('itemMedia', () => {
  it('builds a versioned URL from the media key and reads the size', () => {
    const key = 'a8216c0953ef525b98dd61214d8cd14e20604f0ef0417a14a65222311c2283a3.jpg';
    expect(itemMedia(3, { id: 7, data: { image: 'cats/1.jpg', media: key, width: 640, height: 479 } })).toEqual({
      url: '/api/projects/3/items/7/media?v=a8216c0953ef525b',
      path: 'cats/1.jpg',
      width: 640,
      height: 479,
    });
  });

  it('is null for text items', () => {
    expect(itemMedia(1, { id: 1, data: { text: 'hello' } })).toBeNull();
    expect(itemMedia(1, { id: 1, data: null })).toBeNull();
  });
});

describe('ImagePreloader', () => {
  it('starts a decode for each new URL and reuses the element when it is shown', async () => {
    FakeImage.made = [];
    const preloader = new ImagePreloader(() => new FakeImage(), 5);
    preloader.preload(['/a', '/b']);
    expect(FakeImage.made.map((i) => i.src)).toEqual(['/a', '/b']);
    expect(FakeImage.made.every((i) => i.decoding === 'async')).toBe(true);
    expect(preloader.isDecoded('/a')).toBe(false);
    FakeImage.made[0].finish();
    await settle();
    expect(preloader.isDecoded('/a')).toBe(true);
    expect(preloader.element('/a')).toBe(FakeImage.made[0]);
    expect(FakeImage.made).toHaveLength(2);
  });

  it('keeps only the most recently wanted images', () => {
    FakeImage.made = [];
    const preloader = new ImagePreloader(() => new FakeImage(), 2);
    preloader.preload(['/a', '/b']);
    preloader.element('/a');
    preloader.preload(['/c']);
    expect(preloader.size).toBe(2);
    preloader.element('/b');
    expect(FakeImage.made.map((i) => i.src)).toEqual(['/a', '/b', '/c', '/b']);
  });
});
