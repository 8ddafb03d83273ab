/** Geometry of the Agreement page's line chart: groups in order on x, the coefficient on y, change markers between. */

export interface ChartPoint {
  key: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

export interface ChartMarker {
  /** "G3" for guideline version 3, "T5" for taxonomy version 5. */
  label: string;
  /** The group (week) the change happened in. */
  key: string;
}

export interface ChartGeometry {
  x: (index: number) => number;
  y: (value: number) => number;
  /** The line through the defined values ("M x y L x y ..."; a gap starts a new M). */
  line: string;
  /** The interval band as one closed path per run of defined intervals. */
  band: string;
  /** Marker x positions (at their group), several changes in one group side by side in one label. */
  markers: { x: number; label: string }[];
  ticks: number[];
  yMin: number;
}

export const CHART = { width: 640, height: 220, left: 40, right: 12, top: 12, bottom: 28 };

/** Lays out the points; y spans from the lowest interval end (at most 0) to 1. */
export function chartGeometry(points: ChartPoint[], markers: ChartMarker[]): ChartGeometry {
  const lows = points.flatMap((p) => [p.value, p.lower]).filter((v): v is number => v !== null);
  const yMin = Math.min(0, Math.floor(Math.min(...lows, 0) * 5) / 5);
  const innerW = CHART.width - CHART.left - CHART.right;
  const innerH = CHART.height - CHART.top - CHART.bottom;
  const step = points.length > 1 ? innerW / (points.length - 1) : 0;
  const x = (i: number) => CHART.left + (points.length > 1 ? i * step : innerW / 2);
  const y = (v: number) => CHART.top + ((1 - v) / (1 - yMin)) * innerH;
  const f = (n: number) => n.toFixed(1);
  let line = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    line += `${pen ? 'L' : 'M'}${f(x(i))} ${f(y(p.value))} `;
    pen = true;
  });
  const runs: number[][] = [];
  points.forEach((p, i) => {
    if (p.lower === null || p.upper === null) return;
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else runs.push([i]);
  });
  const band = runs
    .map((run) => {
      const top = run.map((i) => `${f(x(i))} ${f(y(points[i].upper!))}`);
      const bottom = [...run].reverse().map((i) => `${f(x(i))} ${f(y(points[i].lower!))}`);
      if (run.length === 1) {
        const [i] = run;
        return `M${f(x(i) - 3)} ${f(y(points[i].upper!))} L${f(x(i) + 3)} ${f(y(points[i].upper!))} L${f(x(i) + 3)} ${f(y(points[i].lower!))} L${f(x(i) - 3)} ${f(y(points[i].lower!))} Z`;
      }
      return `M${top.join(' L')} L${bottom.join(' L')} Z`;
    })
    .join(' ');
  const byKey = new Map<string, string[]>();
  for (const m of markers) {
    if (!points.some((p) => p.key === m.key)) continue;
    byKey.set(m.key, [...(byKey.get(m.key) ?? []), m.label]);
  }
  const placed = [...byKey].map(([key, labels]) => ({ x: x(points.findIndex((p) => p.key === key)), label: labels.join(' ') }));
  const ticks: number[] = [];
  for (let t = yMin; t <= 1.0001; t += 0.2) ticks.push(Math.round(t * 10) / 10);
  return { x, y, line: line.trim(), band, markers: placed, ticks, yMin };
}
