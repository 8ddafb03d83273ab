/**
 * The objects of an image-objects item while the annotator edits them: boxes [x, y, width, height] and polygons
 * [[x, y], ...] in pixels of the original image, whatever the zoom. Pure functions; the page keeps the state.
 */
export type Point = [number, number];
export type Box = [number, number, number, number];

export interface EditObject {
  label_id: number;
  box?: Box;
  polygon?: Point[];
  /** Came from the suggestion and not changed yet. */
  suggested?: boolean;
}

export interface Size {
  width: number;
  height: number;
}

/** Which part of an object a drag or the arrow keys move: the whole object, a box corner or a polygon point. */
export type Handle = { kind: 'body' } | { kind: 'corner'; corner: 0 | 1 | 2 | 3 } | { kind: 'point'; index: number };

/** Coordinates are kept to two decimals: finer than any screen shows, and exact in JSON. */
export const round = (v: number) => Math.round(v * 100) / 100;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export const clampPoint = ([x, y]: Point, size: Size): Point => [round(clamp(x, 0, size.width)), round(clamp(y, 0, size.height))];

/** The box spanned by two corners (in any order), clamped to the image; null when it has no area. */
export function boxFrom(a: Point, b: Point, size: Size): Box | null {
  const [x0, y0] = clampPoint(a, size);
  const [x1, y1] = clampPoint(b, size);
  const box: Box = [Math.min(x0, x1), Math.min(y0, y1), round(Math.abs(x1 - x0)), round(Math.abs(y1 - y0))];
  return box[2] > 0 && box[3] > 0 ? box : null;
}

/** The corners of a box in handle order: top-left, top-right, bottom-right, bottom-left. */
export function corners([x, y, w, h]: Box): Point[] {
  return [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ];
}

/** The handles of an object, in the order the keyboard cycles them (the body first). */
export function handles(o: EditObject): Handle[] {
  const parts: Handle[] = o.box
    ? ([0, 1, 2, 3] as const).map((corner) => ({ kind: 'corner', corner }))
    : (o.polygon ?? []).map((_, index) => ({ kind: 'point', index }));
  return [{ kind: 'body' }, ...parts];
}

/** The object moved by (dx, dy) image pixels, kept inside the image as a whole. */
export function moveBy(o: EditObject, dx: number, dy: number, size: Size): EditObject {
  if (o.box) {
    const [x, y, w, h] = o.box;
    return { label_id: o.label_id, box: [round(clamp(x + dx, 0, size.width - w)), round(clamp(y + dy, 0, size.height - h)), w, h] };
  }
  const points = o.polygon ?? [];
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const ddx = clamp(dx, -Math.min(...xs), size.width - Math.max(...xs));
  const ddy = clamp(dy, -Math.min(...ys), size.height - Math.max(...ys));
  return { label_id: o.label_id, polygon: points.map(([x, y]) => [round(x + ddx), round(y + ddy)]) };
}

/**
 * The object with one handle dragged to `to` (image pixels): a box corner moves with the opposite corner fixed (a
 * corner dragged past it flips the box), a polygon point moves alone. Null when the box would lose its area.
 */
export function dragHandle(o: EditObject, handle: Handle, to: Point, size: Size): EditObject | null {
  if (handle.kind === 'corner' && o.box) {
    const opposite = corners(o.box)[(handle.corner + 2) % 4];
    const box = boxFrom(opposite, to, size);
    return box ? { label_id: o.label_id, box } : null;
  }
  if (handle.kind === 'point' && o.polygon) {
    const polygon = o.polygon.map((p, i) => (i === handle.index ? clampPoint(to, size) : p));
    return { label_id: o.label_id, polygon };
  }
  return null;
}

/** Where a handle is now (the body's is the top-left corner of the box or the first polygon point). */
export function handlePoint(o: EditObject, handle: Handle): Point {
  if (o.box) return handle.kind === 'corner' ? corners(o.box)[handle.corner] : [o.box[0], o.box[1]];
  const points = o.polygon ?? [[0, 0]];
  return handle.kind === 'point' ? points[handle.index] : points[0];
}

/** The object with a handle moved by (dx, dy) pixels: the arrow keys on a selected object. */
export function nudge(o: EditObject, handle: Handle, dx: number, dy: number, size: Size): EditObject {
  if (handle.kind === 'body') return moveBy(o, dx, dy, size);
  const [x, y] = handlePoint(o, handle);
  return dragHandle(o, handle, [x + dx, y + dy], size) ?? o;
}

/** True when a polygon of these points encloses some area (at least 3 points, not all on one line). */
export function hasArea(points: Point[]): boolean {
  if (points.length < 3) return false;
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [a, b] = [points[i], points[(i + 1) % points.length]];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(sum) > 0;
}

/** True when `p` lies inside the object (boxes by their edges, polygons by the even-odd rule). */
export function contains(o: EditObject, [px, py]: Point): boolean {
  if (o.box) {
    const [x, y, w, h] = o.box;
    return px >= x && px <= x + w && py >= y && py <= y + h;
  }
  const points = o.polygon ?? [];
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The topmost (last drawn) object under `p`, as an index, or -1. */
export function objectAt(objects: EditObject[], p: Point): number {
  for (let i = objects.length - 1; i >= 0; i--) if (contains(objects[i], p)) return i;
  return -1;
}

/** The suggestion's objects as the starting point of an item: Enter submits them as they are (accepting them). */
export function fromSuggestion(objects: { label_id: number; box?: number[] | null; polygon?: number[][] | null }[] | null | undefined): EditObject[] {
  return (objects ?? []).map((o) =>
    o.box
      ? { label_id: o.label_id, box: [...o.box] as Box, suggested: true }
      : { label_id: o.label_id, polygon: (o.polygon ?? []).map((p) => [p[0], p[1]] as Point), suggested: true },
  );
}

/** The submission's form of the objects. */
export function toSubmission(objects: EditObject[]): { label_id: number; box?: Box; polygon?: Point[] }[] {
  return objects.map((o) => (o.box ? { label_id: o.label_id, box: o.box } : { label_id: o.label_id, polygon: o.polygon }));
}

/**
 * The zoom and pan of the image on screen: `scale` screen pixels per image pixel, (x, y) the screen offset of the
 * image's top-left corner inside the viewport. Image pixels = (screen - offset) / scale.
 */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 32;

/** The view that fits the whole image into a viewport, centered. */
export function fitView(size: Size, viewport: Size): View {
  const scale = Math.min(viewport.width / size.width, viewport.height / size.height);
  return { scale, x: (viewport.width - size.width * scale) / 2, y: (viewport.height - size.height * scale) / 2 };
}

/** The view zoomed by `factor` around the viewport point (sx, sy), which stays over the same image pixel. */
export function zoomAt(view: View, factor: number, sx: number, sy: number, fit: number): View {
  const scale = clamp(view.scale * factor, fit * MIN_ZOOM, fit * MAX_ZOOM);
  const k = scale / view.scale;
  return { scale, x: sx - (sx - view.x) * k, y: sy - (sy - view.y) * k };
}

/** The arrow keys' step in image pixels: about 8 screen pixels (whole image pixels, at least 1), 10 times that with Shift. */
export function arrowStep(scale: number, shift: boolean): number {
  const step = Math.max(1, Math.round(8 / scale));
  return shift ? step * 10 : step;
}
