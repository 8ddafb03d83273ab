import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, teamApi, type AdjudicationItem, type AdjudicationPage, type LabelInfo } from '../api';
import { newRequestId } from '../annotator';
import { useActiveLabels } from '../hooks/useActiveLabels';
import { useKeyboard } from '../hooks/useKeyboard';
import { adjudicationAction, afterDecision, disagreement, rateWithInterval, stillOpen, type AdjudicationAction } from '../adjudication';
import { percent } from '../format';
import { displayPath, findLabel } from '../labelPath';

/** Items held in the page at once; the next batch loads while the reviewer works through the last few. */
const BATCH = 50;
const REFILL_BELOW = 10;

const ORDERS = [
  ['disagreement', 'Most disagreement first'],
  ['label-error', 'Suspected label errors first'],
] as const;

/**
 * The adjudication queue: the latest consensus run's items, most disputed first (posterior entropy) or flagged label
 * errors first. The reviewer sees every annotator's label with that annotator's quality and the consensus with its
 * posterior, and decides by keyboard: a label's key decides it, Enter takes the consensus, s skips. Decisions are sent
 * in the background (the next item shows at once) and stored as review annotations, which count as gold.
 */
export function AdjudicationPanel({ projectId }: { projectId: number }) {
  const [order, setOrder] = useState<string>('disagreement');
  const [queue, setQueue] = useState<AdjudicationPage | null>(null);
  const [items, setItems] = useState<AdjudicationItem[]>([]);
  const [index, setIndex] = useState(0);
  const [tally, setTally] = useState({ decided: 0, overturned: 0 });
  const [error, setError] = useState('');
  const [running, setRunning] = useState(false);
  const { labels, byKey, keyOf, loaded } = useActiveLabels(projectId, setError);
  const decided = useRef(new Set<number>());
  const shownAt = useRef(performance.now());
  const latest = useRef(0);

  const load = (replace: boolean) => {
    const mine = ++latest.current;
    return teamApi.adjudication(projectId, order, BATCH).then(
      (q) => {
        if (mine !== latest.current) return;
        setQueue(q);
        const fresh = stillOpen(q.items, decided.current);
        if (replace) {
          setItems(fresh);
          setIndex(0);
        } else {
          // Keep the reviewer's place: add the items not yet here behind the ones being worked through.
          setItems((held) => [...held, ...fresh.filter((f) => !held.some((h) => h.item_id === f.item_id))]);
        }
      },
      (e) => {
        if (mine !== latest.current) return;
        setError(e instanceof ApiError ? e.detail : String(e));
        // A refused order (no label-error run yet) must not leave the previous order's items looking current.
        if (replace) {
          setItems([]);
          setQueue(null);
        }
      },
    );
  };

  useEffect(() => {
    setError('');
    void load(true);
  }, [projectId, order]);

  const current = items[index] ?? null;
  useEffect(() => {
    shownAt.current = performance.now();
  }, [current?.item_id]);

  const decide = (action: AdjudicationAction) => {
    if (!current) return;
    if (action.kind === 'skip') {
      setIndex((i) => (items.length === 0 ? 0 : (i + 1) % items.length));
      return;
    }
    const item = current;
    const spent = Math.round(performance.now() - shownAt.current);
    decided.current.add(item.item_id);
    const next = afterDecision(items, index);
    setItems(next.items);
    setIndex(next.index);
    setTally((t) => ({ decided: t.decided + 1, overturned: t.overturned + (action.labelId === item.consensus_label_id ? 0 : 1) }));
    teamApi.decide(projectId, item.item_id, action.labelId, newRequestId(), spent).then(
      () => setQueue((q) => (q ? { ...q, total: q.total - 1, decided: q.decided + 1 } : q)),
      (e) => setError(`Item ${item.item_id}: ${e instanceof ApiError ? e.detail : String(e)}`),
    );
    if (next.items.length < REFILL_BELOW && (queue?.total ?? 0) > next.items.length) void load(false);
  };

  useKeyboard((key) => {
    if (!current || !loaded) return false;
    if (key === 'ArrowDown') setIndex((i) => Math.min(i + 1, items.length - 1));
    else if (key === 'ArrowUp') setIndex((i) => Math.max(i - 1, 0));
    else {
      const action = adjudicationAction(key, current, byKey);
      if (!action) return false;
      decide(action);
    }
    return true;
  });

  const runConsensus = () => {
    setRunning(true);
    setError('');
    teamApi.runConsensus(projectId, 'dawid-skene').then(
      () => {
        setRunning(false);
        void load(true);
      },
      (e) => {
        setRunning(false);
        setError(e instanceof ApiError ? e.detail : String(e));
      },
    );
  };

  const classes = current?.posterior.length ?? 2;
  return (
    <section class="review adjudication" data-testid="adjudication">
      <div class="card review-head">
        <div>
          <h2>Adjudication</h2>
          <p class="muted">
            Items of the latest consensus run where annotators disagree most. Each decision is stored as a review: it becomes the item's label and annotators
            are scored against it like a gold answer.
          </p>
        </div>
        <div class="review-run">
          <label>
            Order{' '}
            <select value={order} onChange={(e) => setOrder(e.currentTarget.value)} data-testid="adjudication-order">
              {ORDERS.map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          </label>
          {queue?.consensus_run_id != null && (
            <span class="run-status" data-testid="adjudication-status">
              {queue.total} open · {queue.decided} decided · consensus run {queue.consensus_run_id} ({queue.consensus_method})
            </span>
          )}
        </div>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {tally.decided > 0 && (
        <p class="muted" data-testid="adjudication-tally">
          This session: {tally.decided} decided, {tally.overturned} against the consensus.
        </p>
      )}
      {queue && queue.consensus_run_id == null && (
        <div class="card">
          <p>No consensus run yet: the queue is built from one. Run Dawid-Skene over the project's current labels to start.</p>
          <button onClick={runConsensus} disabled={running} data-testid="run-consensus">
            {running ? 'Running…' : 'Run consensus'}
          </button>
        </div>
      )}
      {current && (
        <div class="review-body">
          <ol class="suspects" data-testid="adjudication-items">
            {items.map((it, i) => (
              <li key={it.item_id} class={i === index ? 'active' : ''} onClick={() => setIndex(i)}>
                <span class="rank" title="disagreement: posterior entropy as a share of its maximum">
                  {percent(disagreement(it.entropy, it.posterior.length))}
                </span>
                <span class="snippet">{it.text}</span>
                <span class="change">
                  {it.answers.length} labels · consensus {it.consensus} {percent(it.confidence)}
                </span>
              </li>
            ))}
          </ol>
          <Current item={current} labels={labels} keyOf={keyOf} classes={classes} onDecide={decide} />
        </div>
      )}
      {queue && queue.consensus_run_id != null && items.length === 0 && (
        <p class="muted" data-testid="adjudication-empty">
          Nothing left to adjudicate: every item of the latest consensus run is decided.
        </p>
      )}
    </section>
  );
}

function Current({
  item,
  labels,
  keyOf,
  classes,
  onDecide,
}: {
  item: AdjudicationItem;
  labels: LabelInfo[];
  keyOf: Map<number, string>;
  classes: number;
  onDecide: (a: AdjudicationAction) => void;
}) {
  const name = (reference: string) => {
    const label = findLabel(labels, reference);
    return label ? displayPath(label) : reference;
  };
  const votes = new Map<number, number>();
  for (const a of item.answers) for (const id of a.label_ids) votes.set(id, (votes.get(id) ?? 0) + 1);
  return (
    <div class="card review-current" data-testid="adjudication-current" data-item-id={item.item_id}>
      <div class="item-meta">
        item {item.external_id ?? item.item_id} · disagreement {percent(disagreement(item.entropy, classes))} · entropy {item.entropy.toFixed(3)}
        {item.label_error_quality != null && <span class="chip">label quality {item.label_error_quality.toFixed(2)}</span>}
      </div>
      <div class="item-text">{item.text}</div>
      <h3 class="small-head">Consensus</h3>
      <ul class="posterior" data-testid="adjudication-posterior">
        {item.posterior.map((p) => (
          <li key={p.label_id} class={p.label_id === item.consensus_label_id ? 'top' : ''}>
            <span class="posterior-name">{name(p.label)}</span>
            <span class="posterior-bar">
              <span style={{ width: `${p.probability * 100}%` }} />
            </span>
            <span class="posterior-value">{percent(p.probability)}</span>
          </li>
        ))}
      </ul>
      <table class="answers" data-testid="adjudication-answers">
        <thead>
          <tr>
            <th scope="col">Annotator</th>
            <th scope="col">Label</th>
            <th scope="col">Gold accuracy (95%)</th>
            <th scope="col">Agrees with consensus</th>
          </tr>
        </thead>
        <tbody>
          {item.answers.map((a) => (
            <tr key={a.annotator} class={a.flagged ? 'flagged' : ''}>
              <th scope="row">
                {a.annotator}
                {a.flagged && <span class="chip bad-chip">below threshold</span>}
              </th>
              <td>
                <strong class={a.label_ids.includes(item.consensus_label_id) ? '' : 'dissent'}>{a.labels.map(name).join(', ') || 'none'}</strong>
              </td>
              <td>{rateWithInterval(a.gold_accuracy, a.gold_ci95)}</td>
              <td>{percent(a.agreement_with_consensus)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="review-actions">
        <button onClick={() => onDecide({ kind: 'decide', labelId: item.consensus_label_id })}>
          Take {name(item.consensus)} <kbd>Enter</kbd>
        </button>
        <button class="secondary" onClick={() => onDecide({ kind: 'skip' })}>
          Skip <kbd>s</kbd>
        </button>
      </div>
      <ul class="label-list inline">
        {labels.map((l) => (
          <li key={l.id}>
            <button class={`label ${l.id === item.consensus_label_id ? 'on' : ''}`} onClick={() => onDecide({ kind: 'decide', labelId: l.id })}>
              <kbd>{keyOf.get(l.id) ?? '/'}</kbd>
              <span>
                {displayPath(l)}
                {votes.has(l.id) && <span class="chip given-chip">{votes.get(l.id) === 1 ? '1 vote' : `${votes.get(l.id)} votes`}</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p class="muted small">Press a label's key to decide it, Enter to take the consensus, s to skip, ↑/↓ to move.</p>
    </div>
  );
}
