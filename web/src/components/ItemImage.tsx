import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ImagePreloader, ItemMedia } from '../media';

/**
 * Shows an item's image by putting the preloader's element for it into the page: when the image was preloaded, it is
 * already downloaded and decoded, so the switch paints at once. The box keeps the image's aspect ratio from the
 * stored size, so the layout does not jump while an image that was not preloaded still loads.
 */
export function ItemImage({ media, preloader, itemId }: { media: ItemMedia; preloader: ImagePreloader; itemId: number }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const image = preloader.element(media.url);
    image.alt = media.path;
    // Small images (MNIST's 28 x 28) are scaled up with visible pixels rather than blurred.
    image.className = media.width > 0 && media.width < 160 ? 'item-image pixelated' : 'item-image';
    image.dataset.testid = 'item-image';
    image.dataset.itemId = String(itemId);
    if (media.width > 0 && media.height > 0) {
      image.width = media.width;
      image.height = media.height;
    }
    box.current?.replaceChildren(image);
  }, [media.url, preloader, itemId]);
  return <div class="item-image-box" ref={box} />;
}
