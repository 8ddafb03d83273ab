/**
 * An SVG path through `values` spread evenly over `width`, scaled into `height` (1px margin): over `domain` when given
 * (rates use [0, 1]), else from 0 to the largest value. A null value breaks the line; a single value is a short flat
 * line. `last` is the point of the last known value, for a dot.
 */
export function sparklinePath(
  values: (number | null)[],
  width: number,
  height: number,
  domain?: [number, number],
): { line: string; last: [number, number] | null } {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return { line: '', last: null };
  const [lo, hi] = domain ?? [0, Math.max(...known)];
  const span = hi - lo || 1;
  const x = (i: number) => (values.length === 1 ? width / 2 : 1 + (i * (width - 2)) / (values.length - 1));
  const y = (v: number) => height - 1 - ((Math.min(hi, Math.max(lo, v)) - lo) / span) * (height - 2);
  let line = '';
  let pen = false;
  let last: [number, number] | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      continue;
    }
    const point: [number, number] = [Math.round(x(i) * 10) / 10, Math.round(y(v) * 10) / 10];
    line += `${pen ? 'L' : 'M'}${point[0]},${point[1]}`;
    pen = true;
    last = point;
  }
  if (values.length === 1 && last) line += `M${Math.max(0, last[0] - 6)},${last[1]}L${Math.min(width, last[0] + 6)},${last[1]}`;
  return { line, last };
}
