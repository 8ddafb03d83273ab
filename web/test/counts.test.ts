import { describe, expect, it } from 'vitest';
import { annotatorBars, labelBars, type LabelCount } from '../src/counts';

const label = (id: number, path: string, items: number, status = 'active'): LabelCount => ({ id, name: path, path, status, color: null, items });

describe('labelBars', () => {
  it('scales bars to the largest count, keeps unused active labels and drops retired ones without items', () => {
    const bars = labelBars([label(1, 'ham', 30), label(2, 'spam', 60), label(3, 'promo', 0), label(4, 'old', 0, 'deprecated'), label(5, 'mixed', 6, 'split')]);
    expect(bars.map((b) => [b.name, b.count, b.fraction, b.mark])).toEqual([
      ['ham', 30, 0.5, undefined],
      ['spam', 60, 1, undefined],
      ['promo', 0, 0, undefined],
      ['mixed', 6, 0.1, 'split'],
    ]);
  });

  it('shows paths with the display separator and gives zero widths when nothing is labeled', () => {
    const bars = labelBars([label(1, 'Science/Tech', 0), label(2, 'A\\/B', 0)]);
    expect(bars.map((b) => [b.name, b.fraction])).toEqual([
      ['Science › Tech', 0],
      ['A/B', 0],
    ]);
  });
});

describe('annotatorBars', () => {
  it('keeps the server order and marks the signed-in annotator', () => {
    const bars = annotatorBars(
      [
        { author: 'bob', labeled_items: 8 },
        { author: 'alice', labeled_items: 2 },
      ],
      'alice',
    );
    expect(bars.map((b) => [b.name, b.fraction, b.mark])).toEqual([
      ['bob', 1, undefined],
      ['alice', 0.25, 'you'],
    ]);
  });
});
