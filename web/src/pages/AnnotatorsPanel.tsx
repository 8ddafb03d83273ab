import { useEffect, useState } from 'preact/hooks';
import { ApiError, teamApi, type AnnotatorScorecard, type ScorecardReport } from '../api';
import { rateWithInterval } from '../adjudication';
import { percent } from '../format';
import { sparklinePath } from '../sparkline';

/**
 * Annotator scorecards: per annotator their labels, gold accuracy with its Wilson 95% interval (drawn against the
 * project's threshold), agreement with the latest consensus, median time per item, and weekly trends as sparklines.
 * Annotators whose whole gold interval lies below the threshold are flagged. For managers and reviewers.
 */
export function AnnotatorsPanel({ projectId }: { projectId: number }) {
  const [report, setReport] = useState<ScorecardReport | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    teamApi.annotators(projectId).then(
      (r) => live && setReport(r),
      (e) => live && setError(e instanceof ApiError ? e.detail : String(e)),
    );
    return () => {
      live = false;
    };
  }, [projectId]);
  if (error) return <p class="error">{error}</p>;
  if (!report) return <p class="muted">Loading…</p>;
  const flagged = report.annotators.filter((a) => a.flagged);
  return (
    <section class="card annotators" data-testid="annotators">
      <h2>Annotators</h2>
      <p class="muted" data-testid="annotators-summary">
        {report.annotators.length} annotators · {report.gold_items} gold items (imported or decided by a reviewer) ·{' '}
        {report.consensus_run_id != null ? `agreement with consensus run ${report.consensus_run_id} (${report.consensus_method})` : 'no consensus run yet'} ·
        flagged below {percent(report.gold_accuracy_threshold)} gold accuracy
      </p>
      {flagged.length > 0 && (
        <div class="banner warning" role="alert" data-testid="annotators-flagged">
          {flagged.map((a) => a.annotator).join(', ')} {flagged.length === 1 ? 'is' : 'are'} below the gold accuracy threshold: the whole 95% interval lies
          under {percent(report.gold_accuracy_threshold)}.
        </div>
      )}
      {report.annotators.length === 0 ? (
        <p class="muted">Nobody has labeled yet.</p>
      ) : (
        <table class="scorecards" data-testid="annotators-table">
          <thead>
            <tr>
              <th scope="col">Annotator</th>
              <th scope="col">Labels</th>
              <th scope="col">Gold accuracy (95%)</th>
              <th scope="col">Agreement with consensus</th>
              <th scope="col">Median time</th>
              <th scope="col">Labels per week</th>
              <th scope="col">Gold accuracy per week</th>
              <th scope="col">Agreement per week</th>
            </tr>
          </thead>
          <tbody>
            {report.annotators.map((a) => (
              <Row
                key={a.annotator}
                card={a}
                threshold={report.gold_accuracy_threshold}
                selected={a.annotator === selected}
                onSelect={() => setSelected((s) => (s === a.annotator ? null : a.annotator))}
              />
            ))}
          </tbody>
        </table>
      )}
      {selected && <Confusion report={report} card={report.annotators.find((a) => a.annotator === selected) ?? null} />}
      <p class="hint">
        Select a row (click, or Enter on it) for the annotator's Dawid-Skene confusion matrix. Gold accuracy compares each annotator's current label with the
        item's gold answer; the bar shows its Wilson 95% interval, the dashed line the threshold. Agreement with consensus counts the annotator's own vote in
        the consensus.
      </p>
    </section>
  );
}

function Row({ card, threshold, selected, onSelect }: { card: AnnotatorScorecard; threshold: number; selected: boolean; onSelect: () => void }) {
  const weeks = card.weeks;
  return (
    <tr
      class={`${card.flagged ? 'flagged' : ''} ${selected ? 'selected' : ''}`.trim()}
      data-annotator={card.annotator}
      tabIndex={0}
      aria-selected={selected}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
    >
      <th scope="row">
        {card.annotator}
        {card.flagged && <span class="chip bad-chip">flagged</span>}
      </th>
      <td>{card.labels.toLocaleString('en-US')}</td>
      <td>
        <span class="ci-cell">
          <IntervalBar ci={card.gold_ci95} value={card.gold_accuracy} threshold={threshold} />
          <span>
            {rateWithInterval(card.gold_accuracy, card.gold_ci95)}
            {card.gold_labels > 0 && <span class="muted"> · {card.gold_labels} gold</span>}
          </span>
        </span>
      </td>
      <td>{percent(card.agreement_with_consensus)}</td>
      <td>{card.median_seconds == null ? '–' : `${card.median_seconds.toFixed(1)} s`}</td>
      <td>
        <WeekBars values={weeks.map((w) => w.labels)} weeks={weeks.map((w) => w.week)} label={`${card.annotator}: labels per week`} />
      </td>
      <td>
        <Sparkline values={weeks.map((w) => w.gold_accuracy ?? null)} weeks={weeks.map((w) => w.week)} label={`${card.annotator}: gold accuracy per week`} />
      </td>
      <td>
        <Sparkline
          values={weeks.map((w) => w.agreement_with_consensus ?? null)}
          weeks={weeks.map((w) => w.week)}
          label={`${card.annotator}: agreement with consensus per week`}
        />
      </td>
    </tr>
  );
}

const BAR_W = 80;

/** The Wilson interval as a bar on [0, 1], the point estimate as a tick, the threshold as a dashed line. */
function IntervalBar({ ci, value, threshold }: { ci: readonly number[] | null | undefined; value: number | null | undefined; threshold: number }) {
  if (!ci || ci.length !== 2 || value == null) return <span class="ci-bar empty" />;
  const x = (v: number) => v * BAR_W;
  return (
    <svg class="ci-bar" viewBox={`0 0 ${BAR_W} 12`} width={BAR_W} height={12} aria-hidden="true">
      <rect x={0} y={5} width={BAR_W} height={2} class="ci-track" />
      <rect x={x(ci[0])} y={2} width={Math.max(1, x(ci[1]) - x(ci[0]))} height={8} rx={2} class="ci-range" />
      <line x1={x(value)} x2={x(value)} y1={0} y2={12} class="ci-point" />
      <line x1={x(threshold)} x2={x(threshold)} y1={0} y2={12} class="ci-threshold" />
    </svg>
  );
}

const SPARK = { width: 90, height: 22 };

/** A rate per week (0 to 1) as a line, a gap where a week has none, with the latest known value beside it. */
function Sparkline({ values, label, weeks }: { values: (number | null)[]; label: string; weeks: string[] }) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return <span class="muted">–</span>;
  const d = sparklinePath(values, SPARK.width, SPARK.height, [0, 1]);
  const text = values.map((v, i) => `${weeks[i]}: ${v === null ? '–' : percent(v)}`).join(', ');
  return (
    <span class="trend">
      <svg
        class="sparkline"
        viewBox={`0 0 ${SPARK.width} ${SPARK.height}`}
        width={SPARK.width}
        height={SPARK.height}
        role="img"
        aria-label={`${label}: ${text}`}
      >
        <title>{text}</title>
        <path d={d.line} class="spark-line" />
        {d.last && <circle cx={d.last[0]} cy={d.last[1]} r={2} class="spark-point" />}
      </svg>
      <span class="trend-value">{percent(known[known.length - 1])}</span>
    </span>
  );
}

/** Counts per week as small bars from zero, the latest count beside them. */
function WeekBars({ values, label, weeks }: { values: number[]; label: string; weeks: string[] }) {
  if (values.length === 0) return <span class="muted">–</span>;
  const max = Math.max(1, ...values);
  const w = SPARK.width / Math.max(values.length, 4);
  const text = values.map((v, i) => `${weeks[i]}: ${v}`).join(', ');
  return (
    <span class="trend">
      <svg
        class="sparkline"
        viewBox={`0 0 ${SPARK.width} ${SPARK.height}`}
        width={SPARK.width}
        height={SPARK.height}
        role="img"
        aria-label={`${label}: ${text}`}
      >
        <title>{text}</title>
        {values.map((v, i) => {
          const h = Math.max(1, (v / max) * (SPARK.height - 2));
          return <rect key={weeks[i]} x={i * w + 1} y={SPARK.height - h} width={Math.max(1, w - 2)} height={h} class="spark-bar" />;
        })}
      </svg>
      <span class="trend-value">{values[values.length - 1]}</span>
    </span>
  );
}

/** P(answer | true class) of the latest Dawid-Skene run for one annotator, shaded by probability; the diagonal is their accuracy per class. */
function Confusion({ report, card }: { report: ScorecardReport; card: AnnotatorScorecard | null }) {
  if (!card) return null;
  if (!card.confusion || report.confusion_run_id == null)
    return (
      <p class="muted" data-testid="confusion">
        No Dawid-Skene run has seen {card.annotator} yet: run consensus with dawid-skene for their confusion matrix.
      </p>
    );
  return (
    <figure class="confusion" data-testid="confusion">
      <figcaption>
        {card.annotator}: P(answer | true class), Dawid-Skene run {report.confusion_run_id}
      </figcaption>
      <table>
        <thead>
          <tr>
            <th scope="col">true \ answer</th>
            {report.classes.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {card.confusion.map((row, t) => (
            <tr key={report.classes[t] ?? t}>
              <th scope="row">{report.classes[t] ?? t}</th>
              {row.map((p, a) => (
                <td key={a} class={a === t ? 'diagonal' : ''} style={{ background: `rgba(47, 92, 214, ${(p * 0.6).toFixed(3)})` }}>
                  {percent(p)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
