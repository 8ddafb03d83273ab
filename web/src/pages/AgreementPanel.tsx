import { useEffect, useState } from 'preact/hooks';
import { agreementApi, type AgreementGroup, type AgreementOverview } from '../api';
import { CHART, chartGeometry } from '../agreementChart';

const METRICS = [
  ['krippendorff-alpha', "Krippendorff's alpha"],
  ['fleiss-kappa', "Fleiss' kappa"],
  ['gwet-ac1', "Gwet's AC1"],
] as const;

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(3));
const interval = (g: { lower?: number | null; upper?: number | null }) => (g.lower == null || g.upper == null ? '' : `${fmt(g.lower)} – ${fmt(g.upper)}`);

/**
 * Agreement between the project's annotators: the chosen coefficient per week with its bootstrap 95% interval, marks
 * where the guidelines or the taxonomy changed, a banner when agreement fell by more than its interval after a change,
 * and tables per label (one-vs-rest) and per annotator pair. For managers and reviewers.
 */
export function AgreementPanel({ projectId }: { projectId: number }) {
  const [metric, setMetric] = useState<string>('krippendorff-alpha');
  const [overview, setOverview] = useState<AgreementOverview | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    setError('');
    // One request: the server reads the answers once and computes the overall value and the alerts once for all three views.
    agreementApi.overview(projectId, metric).then(
      (r) => live && setOverview(r),
      (e: unknown) => live && setError(String(e instanceof Error ? e.message : e)),
    );
    return () => {
      live = false;
    };
  }, [projectId, metric]);
  const name = METRICS.find((m) => m[0] === metric)?.[1] ?? metric;
  return (
    <div class="agreement" data-testid="agreement">
      <section class="card">
        <h2>Agreement</h2>
        <label>
          Metric{' '}
          <select value={metric} onChange={(e) => setMetric(e.currentTarget.value)}>
            {METRICS.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
        {error && <p class="error">{error}</p>}
        {overview && (
          <p data-testid="agreement-overall">
            {name}: <strong>{fmt(overview.overall.value)}</strong>
            {interval(overview.overall) && <span class="muted"> (95% interval {interval(overview.overall)})</span>} over {overview.items} items,{' '}
            {overview.annotators} annotators, {overview.answers} answers.
          </p>
        )}
        {overview && overview.alerts.length > 0 && (
          <div class="banner warning" role="alert" data-testid="agreement-alert">
            {overview.alerts.map((a) => (
              <p key={`${a.by}-${a.after}`}>{a.message}</p>
            ))}
          </div>
        )}
        {overview && <WeekChart report={overview} name={name} />}
      </section>
      <div class="two-col">
        <section class="card">
          <h3>Per label (one-vs-rest)</h3>
          {overview ? <GroupTable groups={overview.labels} head="Label" testId="agreement-labels" /> : <p class="muted">Loading…</p>}
        </section>
        <section class="card">
          <h3>Per annotator pair</h3>
          {overview ? <GroupTable groups={overview.pairs} head="Pair" testId="agreement-pairs" /> : <p class="muted">Loading…</p>}
        </section>
      </div>
    </div>
  );
}

function WeekChart({ report, name }: { report: AgreementOverview; name: string }) {
  const points = report.weeks.map((g) => ({ key: g.key, value: g.value ?? null, lower: g.lower ?? null, upper: g.upper ?? null }));
  if (points.length === 0) return <p class="muted">No week has labels from two annotators on the same item yet.</p>;
  const markers = report.changes.map((c) => ({ key: c.week, label: `${c.kind === 'guideline' ? 'G' : 'T'}${c.version}` }));
  const g = chartGeometry(points, markers);
  const bottom = CHART.height - CHART.bottom;
  const summary = `${name} per week, ${points.length} weeks, from ${fmt(points[0].value)} to ${fmt(points[points.length - 1].value)}; ${markers.length} guideline or taxonomy changes marked.`;
  return (
    <figure class="agreement-chart">
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={summary} data-testid="agreement-chart">
        {g.ticks.map((t) => (
          <g key={t}>
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={g.y(t)} y2={g.y(t)} class="grid" />
            <text x={CHART.left - 6} y={g.y(t) + 4} text-anchor="end" class="tick">
              {t.toFixed(1)}
            </text>
          </g>
        ))}
        <path d={g.band} class="band" />
        <path d={g.line} class="line" />
        {points.map((p, i) =>
          p.value === null ? null : (
            <circle key={p.key} cx={g.x(i)} cy={g.y(p.value)} r={3.5} class="point">
              <title>{`${p.key}: ${fmt(p.value)} ${interval(p)}`}</title>
            </circle>
          ),
        )}
        {points.map((p, i) => (
          <text key={p.key} x={g.x(i)} y={bottom + 16} text-anchor="middle" class="tick">
            {p.key.slice(5)}
          </text>
        ))}
        {g.markers.map((m) => (
          <g key={m.label} class="marker">
            <line x1={m.x} x2={m.x} y1={CHART.top} y2={bottom} />
            <text x={m.x + 3} y={CHART.top + 10}>
              {m.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption class="muted">Shaded: 95% bootstrap interval. Dashed lines: G = guideline version, T = taxonomy version that started that week.</figcaption>
      <GroupTable groups={report.weeks} head="Week" testId="agreement-weeks" />
    </figure>
  );
}

function GroupTable({ groups, head, testId }: { groups: AgreementGroup[]; head: string; testId: string }) {
  if (groups.length === 0) return <p class="muted">Nothing to compare yet.</p>;
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">Items</th>
          <th scope="col">Value</th>
          <th scope="col">95% interval</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key}>
            <th scope="row">{g.key}</th>
            <td>{g.items}</td>
            <td>{fmt(g.value)}</td>
            <td>{interval(g)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
