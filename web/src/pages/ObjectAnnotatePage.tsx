import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type LabelInfo, type ProjectDetail } from '../api';
import { afterNextPaint } from '../afterPaint';
import { AnnotateStatus } from '../components/AnnotateStatus';
import { ItemImage } from '../components/ItemImage';
import { ShortcutHelp } from '../components/ShortcutHelp';
import { useActiveLabels } from '../hooks/useActiveLabels';
import { useAnnotateQueue } from '../hooks/useAnnotateQueue';
import { useKeyboard } from '../hooks/useKeyboard';
import { RESERVED_KEYS } from '../hotkeys';
import { ImagePreloader, itemMedia } from '../media';
import {
  arrowStep,
  boxFrom,
  clampPoint,
  corners,
  dragHandle,
  fitView,
  fromSuggestion,
  handlePoint,
  handles,
  hasArea,
  moveBy,
  nudge,
  objectAt,
  toSubmission,
  zoomAt,
  type EditObject,
  type Handle,
  type Point,
  type View,
} from '../objects';
import type { PrefetchQueue } from '../prefetch';

const PALETTE = ['#f59e0b', '#3b82f6', '#22c55e', '#ec4899', '#8b5cf6', '#f97316', '#06b6d4', '#64748b'];
/** Keys the object editor uses itself; labels get none of them. */
const OBJECT_KEYS: ReadonlySet<string> = new Set([...RESERVED_KEYS, 'b', 'p', 'h', '+', '-', '=', '0']);
/** How near (screen pixels) a pointer must come to a handle or a polygon's first point to grab it. */
const GRAB_PX = 8;
const PAN_PX = 40;

const HELP: [string, string][] = [
  ['drag', 'draw a box (on empty image) · move an object · resize by a handle'],
  ['← ↑ → ↓', 'move the crosshair, or the selected object (its handle once h picked one); Shift: 10 times as far'],
  ['b', 'start a box at the crosshair; b or Enter again finishes it'],
  ['p', 'polygon: Enter or a click adds a point, Enter twice on one spot (or p, or a click on the first point) closes it'],
  ['1-9, letters', 'the label of new objects (and of the selected one)'],
  ['Tab / Shift+Tab', 'select the next / previous object'],
  ['h', 'cycle the selected object’s handles (whole object, corners or points)'],
  ['Delete', 'remove the selected object (in a polygon: its last point)'],
  ['+ − 0, wheel', 'zoom in, out, fit'],
  ['Space + drag, Alt + arrows', 'pan'],
  ['Enter', 'submit the objects (suggested ones start on the image) and show the next image'],
  ['s', 'skip this image'],
  ['Escape', 'cancel drawing, then clear the selection'],
  ['?', 'show or hide this help'],
];

type Drawing = { kind: 'box'; anchor: Point } | { kind: 'polygon'; points: Point[] } | null;

type Drag =
  | { mode: 'draw'; anchor: Point; sx: number; sy: number }
  | { mode: 'move'; index: number; from: Point; original: EditObject }
  | { mode: 'handle'; index: number; handle: Handle }
  | { mode: 'pan'; sx: number; sy: number; view: View };

const samePoint = (a: Point | undefined, b: Point) => a !== undefined && a[0] === b[0] && a[1] === b[1];

/**
 * The annotate page of an image-objects project: the image with its boxes and polygons drawn over it in an SVG whose
 * coordinates are the original image's pixels, so what is stored never depends on the zoom or the page's CSS size.
 * Boxes by drag or by keyboard (crosshair, b), polygons point by point (p), handles to edit, zoom and pan; the
 * images of the buffered items are fetched and decoded before they are needed (ImagePreloader).
 */
export function ObjectAnnotatePage({ projectId, annotator, project }: { projectId: number; annotator: string; project: ProjectDetail }) {
  const [objects, setObjects] = useState<EditObject[]>([]);
  const [selected, setSelected] = useState(-1);
  const [handleIndex, setHandleIndex] = useState(0);
  const [labelId, setLabelId] = useState<number | null>(null);
  const [cursor, setCursor] = useState<Point>([0, 0]);
  const [drawing, setDrawing] = useState<Drawing>(null);
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0 });
  const [viewport, setViewport] = useState({ width: 0, height: 0 });
  const [helpOpen, setHelpOpen] = useState(false);
  const [error, setError] = useState('');
  const { labels, byKey, keyOf, loaded: labelsLoaded } = useActiveLabels(projectId, setError, OBJECT_KEYS);
  const images = useMemo(() => new ImagePreloader(() => new Image()), []);
  const preload = (queue: PrefetchQueue) => {
    const urls = queue.upcoming().flatMap((next) => itemMedia(projectId, next)?.url ?? []);
    if (urls.length > 0) images.preload(urls);
  };
  const { queued, loading, progress, pending, submissions, queue, submit: submitItem, skip: skipItem } = useAnnotateQueue(projectId, annotator, 5, preload);
  const item = labelsLoaded ? queued : null;
  const viewportRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const spaceHeld = useRef(false);

  const media = item ? itemMedia(projectId, item) : null;
  const size = { width: item?.width ?? media?.width ?? 0, height: item?.height ?? media?.height ?? 0 };
  const fit = viewport.width > 0 && size.width > 0 ? fitView(size, viewport) : null;
  const current = labelId ?? labels[0]?.id ?? null;

  useLayoutEffect(() => {
    const element = viewportRef.current;
    if (!element) return;
    const measure = () => setViewport({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [item !== null]);

  useLayoutEffect(() => {
    setObjects(fromSuggestion(item?.suggestion?.objects));
    setSelected(-1);
    setHandleIndex(0);
    setDrawing(null);
    setCursor([Math.round(size.width / 2), Math.round(size.height / 2)]);
  }, [item?.id]);

  // The whole image in view whenever the item or the viewport changes.
  useLayoutEffect(() => {
    if (fit) setView(fit);
  }, [item?.id, fit?.scale, viewport.width, viewport.height]);

  useEffect(() => {
    if (item) afterNextPaint(() => preload(queue));
  }, [item?.id]);

  useEffect(() => {
    const up = (e: KeyboardEvent) => {
      if (e.key === ' ') spaceHeld.current = false;
    };
    addEventListener('keyup', up);
    return () => removeEventListener('keyup', up);
  }, []);

  const colorOf = useMemo(() => {
    const colors = new Map<number, string>();
    labels.forEach((l, i) => colors.set(l.id, l.color || PALETTE[i % PALETTE.length]));
    return colors;
  }, [labels]);
  const nameOf = (id: number) => labels.find((l) => l.id === id)?.name ?? `#${id}`;

  const add = (o: Omit<EditObject, 'label_id'>) => {
    if (current === null) return;
    setObjects((all) => [...all, { ...o, label_id: current }]);
    setSelected(objects.length);
    setHandleIndex(0);
  };
  const replace = (index: number, o: EditObject) => setObjects((all) => all.map((x, i) => (i === index ? o : x)));

  const submit = () => {
    if (item) submitItem(item, { label_ids: [], objects: toSubmission(objects) });
  };

  const finishBox = (anchor: Point, to: Point) => {
    const box = boxFrom(anchor, to, size);
    if (box) add({ box });
    setDrawing(null);
  };
  const closePolygon = (points: Point[]) => {
    if (hasArea(points)) add({ polygon: points });
    setDrawing(null);
  };
  const addPolygonPoint = (p: Point) => {
    if (drawing?.kind !== 'polygon') return;
    if (samePoint(drawing.points[drawing.points.length - 1], p)) closePolygon(drawing.points);
    else setDrawing({ kind: 'polygon', points: [...drawing.points, p] });
  };

  /** The viewport point (pixels from its top-left corner) of an image point. */
  const toScreen = ([x, y]: Point): Point => [view.x + x * view.scale, view.y + y * view.scale];
  const zoom = (factor: number) => {
    if (!fit) return;
    const [sx, sy] = toScreen(cursor);
    setView((v) => zoomAt(v, factor, sx, sy, fit.scale));
  };

  /** The image pixel under a pointer event, read from the stage's box on screen (so any CSS scaling is accounted for). */
  const imagePoint = (e: PointerEvent | WheelEvent): Point => {
    const rect = stageRef.current!.getBoundingClientRect();
    return [((e.clientX - rect.left) * size.width) / rect.width, ((e.clientY - rect.top) * size.height) / rect.height];
  };
  const grabRadius = GRAB_PX / view.scale;
  const near = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]) <= grabRadius;

  const onPointerDown = (e: PointerEvent) => {
    if (!item || size.width === 0 || e.button > 1) return;
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
    const p = clampPoint(imagePoint(e), size);
    if (spaceHeld.current || e.button === 1) {
      drag.current = { mode: 'pan', sx: e.clientX, sy: e.clientY, view };
      return;
    }
    setCursor(p);
    if (drawing?.kind === 'polygon') {
      if (drawing.points.length >= 3 && near(drawing.points[0], p)) closePolygon(drawing.points);
      else setDrawing({ kind: 'polygon', points: [...drawing.points, p] });
      return;
    }
    if (selected >= 0 && objects[selected]) {
      const grabbed = handles(objects[selected])
        .slice(1)
        .find((h) => near(handlePoint(objects[selected], h), p));
      if (grabbed) {
        drag.current = { mode: 'handle', index: selected, handle: grabbed };
        return;
      }
    }
    const hit = objectAt(objects, p);
    if (hit >= 0) {
      setSelected(hit);
      setHandleIndex(0);
      drag.current = { mode: 'move', index: hit, from: p, original: objects[hit] };
      return;
    }
    setSelected(-1);
    drag.current = { mode: 'draw', anchor: p, sx: e.clientX, sy: e.clientY };
    setDrawing({ kind: 'box', anchor: p });
  };

  const onPointerMove = (e: PointerEvent) => {
    if (!item || size.width === 0) return;
    const d = drag.current;
    if (d?.mode === 'pan') {
      setView({ ...d.view, x: d.view.x + e.clientX - d.sx, y: d.view.y + e.clientY - d.sy });
      return;
    }
    const p = clampPoint(imagePoint(e), size);
    setCursor(p);
    if (d?.mode === 'move') replace(d.index, moveBy(d.original, p[0] - d.from[0], p[1] - d.from[1], size));
    else if (d?.mode === 'handle') {
      const moved = dragHandle(objects[d.index], d.handle, p, size);
      if (moved) {
        replace(d.index, moved);
        // A corner dragged past the opposite one flips the box; the handle follows the pointer's corner.
        if (moved.box && d.handle.kind === 'corner') {
          const corner = corners(moved.box).findIndex((c) => samePoint(c, p));
          if (corner >= 0) drag.current = { ...d, handle: { kind: 'corner', corner: corner as 0 | 1 | 2 | 3 } };
        }
      }
    }
  };

  const onPointerUp = (e: PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (d?.mode !== 'draw') return;
    // A click (no drag) on empty image only clears the selection.
    if (Math.hypot(e.clientX - d.sx, e.clientY - d.sy) < 3) setDrawing(null);
    else finishBox(d.anchor, clampPoint(imagePoint(e), size));
  };

  const onWheel = (e: WheelEvent) => {
    if (!fit || !viewportRef.current) return;
    e.preventDefault();
    const rect = viewportRef.current.getBoundingClientRect();
    setView((v) => zoomAt(v, e.deltaY < 0 ? 1.25 : 0.8, e.clientX - rect.left, e.clientY - rect.top, fit.scale));
  };

  const chooseLabel = (l: LabelInfo) => {
    setLabelId(l.id);
    if (selected >= 0 && objects[selected]) replace(selected, { ...objects[selected], label_id: l.id, suggested: false });
  };

  const arrows: Record<string, Point> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

  useKeyboard(
    (key, e) => {
      if (helpOpen) {
        if (key === '?' || key === 'Escape') setHelpOpen(false);
        return key === '?' || key === 'Escape';
      }
      if (!item) return false;
      const step = arrowStep(view.scale, e.shiftKey);
      if (key === ' ') spaceHeld.current = true;
      else if (key === '?') setHelpOpen(true);
      else if (key in arrows) {
        const [ux, uy] = arrows[key];
        if (e.altKey) setView((v) => ({ ...v, x: v.x - ux * PAN_PX, y: v.y - uy * PAN_PX }));
        else if (selected >= 0 && objects[selected] && drawing === null) {
          const handle = handles(objects[selected])[handleIndex] ?? { kind: 'body' };
          const moved = nudge(objects[selected], handle, ux * step, uy * step, size);
          replace(selected, moved);
          setCursor(handlePoint(moved, handle));
        } else setCursor((c) => clampPoint([c[0] + ux * step, c[1] + uy * step], size));
      } else if (key === 'b') {
        if (drawing?.kind === 'box') finishBox(drawing.anchor, cursor);
        else {
          setSelected(-1);
          setDrawing({ kind: 'box', anchor: cursor });
        }
      } else if (key === 'p') {
        if (drawing?.kind === 'polygon') closePolygon(drawing.points);
        else {
          setSelected(-1);
          setDrawing({ kind: 'polygon', points: [] });
        }
      } else if (key === 'Enter') {
        if (drawing?.kind === 'box') finishBox(drawing.anchor, cursor);
        else if (drawing?.kind === 'polygon') addPolygonPoint(cursor);
        else submit();
      } else if (key === 'Escape') {
        if (drawing) setDrawing(null);
        else setSelected(-1);
      } else if (key === 'Tab') {
        if (objects.length > 0) {
          setSelected((s) => (s < 0 ? (e.shiftKey ? objects.length - 1 : 0) : (s + (e.shiftKey ? objects.length - 1 : 1)) % objects.length));
          setHandleIndex(0);
        }
      } else if (key === 'h') {
        if (selected >= 0 && objects[selected]) {
          const next = (handleIndex + 1) % handles(objects[selected]).length;
          setHandleIndex(next);
          setCursor(handlePoint(objects[selected], handles(objects[selected])[next]));
        }
      } else if (key === 'Delete' || key === 'Backspace') {
        if (drawing?.kind === 'polygon') setDrawing({ kind: 'polygon', points: drawing.points.slice(0, -1) });
        else if (selected >= 0) {
          setObjects((all) => all.filter((_, i) => i !== selected));
          setSelected(-1);
        }
      } else if (key === '+' || key === '=') zoom(1.25);
      else if (key === '-') zoom(0.8);
      else if (key === '0') {
        if (fit) setView(fit);
      } else if (key === 's') skipItem(item.id);
      else if (byKey.has(key)) chooseLabel(byKey.get(key)!);
      else return false;
      return true;
    },
    { alt: true },
  );

  const stroke = 2 / view.scale;
  const handleR = 5 / view.scale;
  const sel = selected >= 0 ? objects[selected] : undefined;
  const activeHandle = sel ? handles(sel)[handleIndex] : undefined;
  const preview = drawing?.kind === 'box' ? boxFrom(drawing.anchor, cursor, size) : null;
  return (
    <div class="annotate">
      <AnnotateStatus name={project.name} progress={progress} pending={pending} onRetry={() => submissions.retryFailed()}>
        <span class="muted">Drag or b draws a box · p a polygon · Tab selects · Enter submits · s skips · Press ? for shortcuts</span>
      </AnnotateStatus>
      {error && <p class="error">{error}</p>}
      <div class="annotate-body">
        <section class="item-pane">
          {item && media ? (
            <>
              <div class="item-meta">
                Item {item.external_id ?? item.id} · {size.width} × {size.height} px · zoom{' '}
                <span data-testid="zoom">{fit ? Math.round((view.scale / fit.scale) * 100) : 100}%</span>
                {drawing && (
                  <span class="badge">{drawing.kind === 'box' ? 'drawing a box: b or Enter finishes' : `polygon: ${drawing.points.length} points`}</span>
                )}
                {item.suggestion && (
                  <span class="badge" data-testid="object-suggestion">
                    suggested by {item.suggestion.author}: Enter accepts, edit to correct
                  </span>
                )}
              </div>
              <div
                class={`object-viewport${drawing ? ' drawing' : ''}`}
                ref={viewportRef}
                data-testid="object-viewport"
                onPointerDown={onPointerDown}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp}
                onWheel={onWheel}
              >
                <div
                  class="object-stage"
                  ref={stageRef}
                  data-testid="object-stage"
                  data-scale={view.scale}
                  style={{ width: `${size.width * view.scale}px`, height: `${size.height * view.scale}px`, transform: `translate(${view.x}px, ${view.y}px)` }}
                >
                  <ItemImage media={media} preloader={images} itemId={item.id} />
                  <svg viewBox={`0 0 ${size.width} ${size.height}`} preserveAspectRatio="none" data-testid="object-overlay" data-cursor={cursor.join(',')}>
                    {objects.map((o, i) => {
                      const color = colorOf.get(o.label_id) ?? '#f59e0b';
                      const common = {
                        stroke: color,
                        'stroke-width': i === selected ? stroke * 1.5 : stroke,
                        fill: color,
                        'fill-opacity': i === selected ? 0.25 : 0.12,
                        'stroke-dasharray': o.suggested ? `${stroke * 3} ${stroke * 2}` : undefined,
                        'data-testid': 'object-shape',
                      };
                      return o.box ? (
                        <rect key={i} x={o.box[0]} y={o.box[1]} width={o.box[2]} height={o.box[3]} {...common} />
                      ) : (
                        <polygon key={i} points={(o.polygon ?? []).map((p) => p.join(',')).join(' ')} {...common} />
                      );
                    })}
                    {sel &&
                      handles(sel)
                        .slice(1)
                        .map((h, i) => {
                          const [x, y] = handlePoint(sel, h);
                          return <circle key={i} cx={x} cy={y} r={handleR} class={`handle${handleIndex === i + 1 ? ' active' : ''}`} stroke-width={stroke} />;
                        })}
                    {sel && activeHandle?.kind === 'body' && (
                      <circle cx={handlePoint(sel, activeHandle)[0]} cy={handlePoint(sel, activeHandle)[1]} r={handleR / 2} class="handle active" />
                    )}
                    {preview && <rect x={preview[0]} y={preview[1]} width={preview[2]} height={preview[3]} class="preview" stroke-width={stroke} />}
                    {drawing?.kind === 'polygon' && drawing.points.length > 0 && (
                      <polyline points={[...drawing.points, cursor].map((p) => p.join(',')).join(' ')} class="preview" stroke-width={stroke} />
                    )}
                    {drawing?.kind === 'polygon' &&
                      drawing.points.map((p, i) => <circle key={i} cx={p[0]} cy={p[1]} r={handleR * 0.7} class="handle" stroke-width={stroke} />)}
                    <g class="crosshair" stroke-width={stroke / 2}>
                      <line x1={cursor[0]} y1={0} x2={cursor[0]} y2={size.height} />
                      <line x1={0} y1={cursor[1]} x2={size.width} y2={cursor[1]} />
                    </g>
                  </svg>
                </div>
              </div>
              <ul class="span-list" data-testid="object-list">
                {objects.map((o, i) => (
                  <li key={i} data-testid="object" class={`${o.suggested ? 'suggested' : ''}${i === selected ? ' selected' : ''}`}>
                    <span class="swatch" style={{ background: colorOf.get(o.label_id) }} aria-hidden="true" />
                    <button class="link" onClick={() => (setSelected(i), setHandleIndex(0))}>
                      <strong>{nameOf(o.label_id)}</strong>
                    </button>
                    <span class="muted">
                      {o.box ? `box ${o.box[0]}, ${o.box[1]} · ${o.box[2]} × ${o.box[3]}` : `polygon of ${o.polygon?.length ?? 0} points`}
                    </span>
                    <button
                      class="link"
                      onClick={() => {
                        setObjects((all) => all.filter((_, j) => j !== i));
                        setSelected(-1);
                      }}
                      aria-label={`delete object ${i + 1}`}
                    >
                      delete
                    </button>
                  </li>
                ))}
                {objects.length === 0 && <li class="muted">No objects: Enter submits “nothing on this image”.</li>}
              </ul>
            </>
          ) : (
            <div class="item-empty" data-testid="queue-state">
              {loading || !labelsLoaded
                ? 'Loading… (waiting for the server)'
                : item
                  ? 'This item has no image.'
                  : 'Nothing left to label in this project. Thank you!'}
            </div>
          )}
        </section>
        <aside class="labels-pane">
          <ul class="label-list">
            {labels.map((l) => (
              <li key={l.id}>
                <button
                  class={`label-button${l.id === current ? ' current' : ''}`}
                  onClick={() => chooseLabel(l)}
                  data-testid="object-label-button"
                  aria-pressed={l.id === current}
                >
                  <span class="swatch" style={{ background: colorOf.get(l.id) }} aria-hidden="true" />
                  {l.name} {keyOf.get(l.id) && <kbd>{keyOf.get(l.id)}</kbd>}
                </button>
              </li>
            ))}
          </ul>
          <button class="primary" onClick={submit} data-testid="submit-objects">
            Submit <kbd>Enter</kbd>
          </button>
        </aside>
      </div>
      {helpOpen && <ShortcutHelp rows={HELP} note="Coordinates are pixels of the original image at any zoom." onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
