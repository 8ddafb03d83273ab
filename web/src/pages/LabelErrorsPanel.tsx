import { useEffect, useRef, useState } from 'preact/hooks';
import { reviewApi, type LabelErrorRun, type LabelInfo, type Suspect } from '../api';
import { newRequestId } from '../annotator';
import { currentUser } from '../session';
import { useActiveLabels } from '../hooks/useActiveLabels';
import { useKeyboard } from '../hooks/useKeyboard';
import { usePoll } from '../hooks/usePoll';
import { afterReview, reviewAction, type ReviewAction } from '../labelErrors';
import { formatConfidence } from '../suggestions';
import { displayPath, findLabel } from '../labelPath';

const POLL_MS = 500;

/**
 * The label-error review queue: runs confident learning on the server (in the background, polled for progress) and
 * walks the suspects most-suspicious first. A label key keeps (the given label's key) or fixes (another label's key),
 * Enter takes the suggested label, s skips; every decision is stored as a review annotation.
 */
export function LabelErrorsPanel({ projectId }: { projectId: number }) {
  const [state, setState] = useState<LabelErrorRun | null>(null);
  const [suspects, setSuspects] = useState<Suspect[]>([]);
  const [index, setIndex] = useState(0);
  const [tally, setTally] = useState({ kept: 0, fixed: 0 });
  const [error, setError] = useState('');
  const { labels, byKey, keyOf } = useActiveLabels(projectId, setError);
  const reviewer = currentUser()?.name ?? '';

  // Only the latest request may set the state: a slow first GET answering "idle" after the run started must not
  // stop the polling. A failed poll leaves the state as it was, so polling goes on while a run is on.
  const latest = useRef(0);
  const load = () => {
    const mine = ++latest.current;
    return reviewApi.state(projectId).then(
      (s) => {
        if (mine !== latest.current) return;
        setState(s);
        if (s.status !== 'running') {
          setSuspects(s.errors);
          setIndex(0);
        }
      },
      (e) => {
        if (mine === latest.current) setError(String(e));
      },
    );
  };

  useEffect(() => {
    void load();
  }, [projectId]);

  usePoll(load, POLL_MS, state?.status === 'running');

  const current = suspects[index] ?? null;

  const run = () => {
    setError('');
    const mine = ++latest.current;
    reviewApi.run(projectId).then(
      (s) => mine === latest.current && setState(s),
      (e) => setError(String(e)),
    );
  };

  const decide = (action: ReviewAction) => {
    if (!current) return;
    if (action.kind === 'skip') {
      setIndex((i) => (suspects.length === 0 ? 0 : (i + 1) % suspects.length));
      return;
    }
    const next = afterReview(suspects, index);
    setSuspects(next.suspects);
    setIndex(next.index);
    setTally((t) => (action.kind === 'keep' ? { ...t, kept: t.kept + 1 } : { ...t, fixed: t.fixed + 1 }));
    reviewApi.review(projectId, current, reviewer, action.kind === 'fix' ? action.labelIds : null, newRequestId()).catch((e) => {
      setError(`Item ${current.item_id}: ${String(e)}`);
      void load();
    });
  };

  useKeyboard((key) => {
    if (!current) return false;
    if (key === 'ArrowDown') setIndex((i) => Math.min(i + 1, suspects.length - 1));
    else if (key === 'ArrowUp') setIndex((i) => Math.max(i - 1, 0));
    else {
      const action = reviewAction(key, current, byKey, labels);
      if (!action) return false;
      decide(action);
    }
    return true;
  });

  const running = state?.status === 'running';
  return (
    <section class="review">
      <div class="card review-head">
        <div>
          <h2>Suspected label errors</h2>
          <p class="muted">
            Confident learning on out-of-fold predictions of the given labels, most suspicious (lowest label quality) first. Keep a label or fix it; either is
            stored as a review and the item leaves the list.
          </p>
        </div>
        <div class="review-run">
          <button onClick={run} disabled={running} data-testid="run-label-errors">
            {state?.status === 'idle' || !state ? 'Find label errors' : 'Run again'}
          </button>
          <RunStatus state={state} open={suspects.length} />
        </div>
      </div>
      {error && <p class="error">{error}</p>}
      {(tally.kept > 0 || tally.fixed > 0) && (
        <p class="muted" data-testid="review-tally">
          This session: {tally.kept} kept, {tally.fixed} fixed.
        </p>
      )}
      {current && (
        <div class="review-body">
          <ol class="suspects" data-testid="suspects">
            {suspects.map((s, i) => (
              <li key={s.item_id} class={i === index ? 'active' : ''} onClick={() => setIndex(i)}>
                <span class="rank">#{s.rank}</span>
                <span class="snippet">{s.text}</span>
                <span class="change">
                  {s.given} → {s.suggested}
                </span>
              </li>
            ))}
          </ol>
          <Current suspect={current} labels={labels} keyOf={keyOf} onDecide={decide} />
        </div>
      )}
      {state?.status === 'done' && suspects.length === 0 && (
        <p class="muted" data-testid="review-empty">
          No open suspects: every flagged label has been reviewed.
        </p>
      )}
    </section>
  );
}

function RunStatus({ state, open }: { state: LabelErrorRun | null; open: number }) {
  if (!state || state.status === 'idle') return <span class="muted">Not run since the server started.</span>;
  if (state.status === 'running')
    return (
      <span class="run-status" data-testid="run-status" role="status">
        <span class="spinner" aria-hidden="true" /> Training fold models… {state.folds_done} / {state.folds} done
      </span>
    );
  if (state.status === 'failed')
    return (
      <span class="error" data-testid="run-status">
        {state.error}
      </span>
    );
  return (
    <span class="run-status" data-testid="run-status">
      {open} open of {state.items} labeled items · {state.seconds?.toFixed(1)} s
    </span>
  );
}

function Current({
  suspect,
  labels,
  keyOf,
  onDecide,
}: {
  suspect: Suspect;
  labels: LabelInfo[];
  keyOf: Map<number, string>;
  onDecide: (a: ReviewAction) => void;
}) {
  const given = findLabel(labels, suspect.given);
  const suggested = findLabel(labels, suspect.suggested);
  const givenText = given ? displayPath(given) : suspect.given;
  const suggestedText = suggested ? displayPath(suggested) : suspect.suggested;
  return (
    <div class="card review-current" data-testid="review-current" data-item-id={suspect.item_id}>
      <div class="item-meta">
        Suspect #{suspect.rank} · item {suspect.item_id} · label quality {suspect.quality.toFixed(3)}
      </div>
      <div class="item-text">{suspect.text}</div>
      <dl class="verdict">
        <dt>Given</dt>
        <dd>
          <strong class="given">{givenText}</strong> <span class="muted">by {suspect.given_author}</span>
        </dd>
        <dt>Model says</dt>
        <dd>
          <strong class="suggested-label">{suggestedText}</strong> <span class="muted">{formatConfidence(suspect.suggested_probability)} out-of-fold</span>
        </dd>
      </dl>
      <div class="review-actions">
        <button class="secondary" onClick={() => onDecide({ kind: 'keep' })}>
          Keep {givenText} <kbd>{given ? keyOf.get(given.id) : ''}</kbd>
        </button>
        <button onClick={() => suggested && onDecide({ kind: 'fix', labelIds: [suggested.id] })}>
          Use {suggestedText} <kbd>Enter</kbd>
        </button>
        <button class="secondary" onClick={() => onDecide({ kind: 'skip' })}>
          Skip <kbd>s</kbd>
        </button>
      </div>
      <ul class="label-list inline">
        {labels.map((l) => (
          <li key={l.id}>
            <button
              class={`label ${l.id === given?.id ? 'on' : ''} ${l.id === suggested?.id ? 'suggested' : ''}`}
              onClick={() => onDecide(l.id === given?.id ? { kind: 'keep' } : { kind: 'fix', labelIds: [l.id] })}
            >
              <kbd>{keyOf.get(l.id) ?? '/'}</kbd>
              <span>
                {displayPath(l)}
                {l.id === given?.id && <span class="chip given-chip">given</span>}
                {l.id === suggested?.id && <span class="chip">model</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p class="muted small">Press a label's key to set it (the given label's key keeps it), Enter for the model's label, s to skip, ↑/↓ to move.</p>
    </div>
  );
}
