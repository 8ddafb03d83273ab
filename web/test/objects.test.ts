import { describe, expect, it } from 'vitest';
import {
  arrowStep,
  boxFrom,
  contains,
  dragHandle,
  fitView,
  fromSuggestion,
  hasArea,
  moveBy,
  nudge,
  objectAt,
  toSubmission,
  zoomAt,
  type EditObject,
} from '../src/objects';
import { assignHotkeys } from '../src/hotkeys';

const size = { width: 640, height: 480 };

describe('objects', () => {
  it('makes a box from two corners in any order, clamped to the image, and none without area', () => {
    expect(boxFrom([100, 80], [10, 20], size)).toEqual([10, 20, 90, 60]);
    expect(boxFrom([600, 400], [700, 500], size)).toEqual([600, 400, 40, 80]);
    expect(boxFrom([5, 5], [5, 50], size)).toBeNull();
    expect(boxFrom([1.234, 2], [3.456, 4], size)).toEqual([1.23, 2, 2.23, 2]);
  });

  it('moves objects as a whole inside the image', () => {
    const box: EditObject = { label_id: 1, box: [10, 10, 100, 50], suggested: true };
    expect(moveBy(box, 5, -3, size)).toEqual({ label_id: 1, box: [15, 7, 100, 50] });
    expect(moveBy(box, 1000, 1000, size).box).toEqual([540, 430, 100, 50]);
    const triangle: EditObject = {
      label_id: 2,
      polygon: [
        [10, 10],
        [50, 10],
        [30, 40],
      ],
    };
    expect(moveBy(triangle, -20, 0, size).polygon).toEqual([
      [0, 10],
      [40, 10],
      [20, 40],
    ]);
  });

  it('drags a box corner against the opposite one (flipping past it) and a polygon point alone', () => {
    const box: EditObject = { label_id: 1, box: [10, 10, 100, 50] };
    expect(dragHandle(box, { kind: 'corner', corner: 2 }, [200, 100], size)?.box).toEqual([10, 10, 190, 90]);
    expect(dragHandle(box, { kind: 'corner', corner: 0 }, [150, 80], size)?.box).toEqual([110, 60, 40, 20]);
    expect(dragHandle(box, { kind: 'corner', corner: 0 }, [110, 30], size)).toBeNull();
    const triangle: EditObject = {
      label_id: 2,
      polygon: [
        [10, 10],
        [50, 10],
        [30, 40],
      ],
    };
    expect(dragHandle(triangle, { kind: 'point', index: 2 }, [30, 900], size)?.polygon).toEqual([
      [10, 10],
      [50, 10],
      [30, 480],
    ]);
    expect(nudge(box, { kind: 'corner', corner: 2 }, 1, 1, size).box).toEqual([10, 10, 101, 51]);
    expect(nudge(box, { kind: 'body' }, -20, 0, size).box).toEqual([0, 10, 100, 50]);
  });

  it('finds the topmost object under a point and knows a polygon with area', () => {
    const objects: EditObject[] = [
      { label_id: 1, box: [0, 0, 100, 100] },
      {
        label_id: 2,
        polygon: [
          [10, 10],
          [60, 10],
          [10, 60],
        ],
      },
    ];
    expect(objectAt(objects, [20, 20])).toBe(1);
    expect(objectAt(objects, [80, 80])).toBe(0);
    expect(objectAt(objects, [300, 300])).toBe(-1);
    expect(contains(objects[1], [55, 55])).toBe(false);
    expect(
      hasArea([
        [0, 0],
        [5, 5],
        [10, 10],
      ]),
    ).toBe(false);
    expect(
      hasArea([
        [0, 0],
        [5, 0],
        [5, 5],
      ]),
    ).toBe(true);
  });

  it('starts from the suggestion and submits boxes and polygons in the API form', () => {
    const objects = fromSuggestion([
      { label_id: 3, box: [1, 2, 3, 4] },
      {
        label_id: 4,
        polygon: [
          [0, 0],
          [4, 0],
          [0, 4],
        ],
      },
    ]);
    expect(objects.every((o) => o.suggested)).toBe(true);
    expect(toSubmission(objects)).toEqual([
      { label_id: 3, box: [1, 2, 3, 4] },
      {
        label_id: 4,
        polygon: [
          [0, 0],
          [4, 0],
          [0, 4],
        ],
      },
    ]);
  });

  it('fits the image, zooms around a screen point and steps the arrows in image pixels', () => {
    const fit = fitView(size, { width: 800, height: 400 });
    expect(fit.scale).toBeCloseTo(400 / 480);
    expect(fit.y).toBe(0);
    const zoomed = zoomAt(fit, 2, 400, 200, fit.scale);
    // The image pixel under (400, 200) stays there.
    expect(((400 - zoomed.x) / zoomed.scale).toFixed(6)).toBe(((400 - fit.x) / fit.scale).toFixed(6));
    expect(zoomAt(fit, 1000, 0, 0, fit.scale).scale).toBeCloseTo(fit.scale * 32);
    expect([arrowStep(1, false), arrowStep(1, true), arrowStep(16, false), arrowStep(0.5, false)]).toEqual([8, 80, 1, 16]);
  });

  it('keeps the editor keys away from labels', () => {
    const labels = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((id) => ({ id, name: `l${id}`, path: `l${id}`, hotkey: id === 1 ? 'b' : null }));
    const keys = [...assignHotkeys(labels, new Set(['s', 'g', '?', '/', 'b', 'p', 'h'])).keys()];
    expect(keys).not.toContain('b');
    expect(keys.slice(-2)).toEqual(['a', 'c']);
  });
});
