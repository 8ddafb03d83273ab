import { useEffect, useState } from 'preact/hooks';
import { ApiError, queueApi, teamApi, type ConsensusSettingsView, type QueueSettings } from '../api';

const METHODS = ['majority', 'weighted-majority', 'dawid-skene', 'one-coin', 'glad', 'mace'] as const;

const message = (e: unknown) => (e instanceof ApiError ? e.detail : String(e));
const num = (v: string) => (v.trim() === '' ? NaN : Number(v));

/**
 * Team labeling settings: overlap (a fixed number of annotators per item, or adaptive: a minimum, then one more while
 * the consensus posterior is below a target, up to a maximum), the share of gold items each annotator gets, and the
 * consensus reruns and gold accuracy threshold the scorecards flag below. Saving sends only that section; the server
 * checks the values and its message is shown as it is.
 */
export function TeamSettingsPanel({ projectId }: { projectId: number }) {
  const [queue, setQueue] = useState<QueueSettings | null>(null);
  const [consensus, setConsensus] = useState<ConsensusSettingsView | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    queueApi.settings(projectId).then(setQueue, (e) => setError(message(e)));
    teamApi.consensusSettings(projectId).then(setConsensus, (e) => setError(message(e)));
  }, [projectId]);
  if (error) return <p class="error">{error}</p>;
  if (!queue || !consensus) return <p class="muted">Loading…</p>;
  return (
    <div class="two-col team-settings" data-testid="team-settings">
      <OverlapForm projectId={projectId} settings={queue} onSaved={setQueue} />
      <ConsensusForm projectId={projectId} settings={consensus} onSaved={setConsensus} />
    </div>
  );
}

function OverlapForm({ projectId, settings, onSaved }: { projectId: number; settings: QueueSettings; onSaved: (s: QueueSettings) => void }) {
  const [mode, setMode] = useState(settings.overlap_mode ?? 'fixed');
  const [overlap, setOverlap] = useState(String(settings.overlap ?? 1));
  const [min, setMin] = useState(String(settings.min_overlap ?? 1));
  const [max, setMax] = useState(String(settings.max_overlap ?? 3));
  const [target, setTarget] = useState(String(settings.target_confidence ?? 0.9));
  const [gold, setGold] = useState(String(Math.round((settings.gold_rate ?? 0) * 1000) / 10));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const save = (e: Event) => {
    e.preventDefault();
    const body =
      mode === 'fixed'
        ? { overlap_mode: 'fixed', overlap: num(overlap), gold_rate: num(gold) / 100 }
        : { overlap_mode: 'adaptive', min_overlap: num(min), max_overlap: num(max), target_confidence: num(target), gold_rate: num(gold) / 100 };
    if (Object.values(body).some((v) => typeof v === 'number' && Number.isNaN(v))) {
      setStatus({ ok: false, text: 'Fill in every number.' });
      return;
    }
    teamApi.setQueueSettings(projectId, body).then(
      (s) => {
        onSaved(s);
        setStatus({ ok: true, text: 'Saved: the queue uses these from the next item it hands out.' });
      },
      (err) => setStatus({ ok: false, text: message(err) }),
    );
  };
  return (
    <form class="card settings-form" onSubmit={save} data-testid="overlap-form">
      <h2>Overlap and gold</h2>
      <fieldset>
        <legend>Annotators per item</legend>
        <label>
          <input type="radio" name="overlap-mode" checked={mode === 'fixed'} onChange={() => setMode('fixed')} /> Fixed: every item gets the same number
        </label>
        <label>
          <input type="radio" name="overlap-mode" checked={mode === 'adaptive'} onChange={() => setMode('adaptive')} /> Adaptive: more only where the consensus
          is unsure
        </label>
      </fieldset>
      {mode === 'fixed' ? (
        <label>
          Annotators per item (K)
          <input type="number" min={1} value={overlap} onInput={(e) => setOverlap(e.currentTarget.value)} data-testid="overlap-k" />
        </label>
      ) : (
        <div class="fields">
          <label>
            At least
            <input type="number" min={1} value={min} onInput={(e) => setMin(e.currentTarget.value)} data-testid="overlap-min" />
          </label>
          <label>
            At most
            <input type="number" min={1} value={max} onInput={(e) => setMax(e.currentTarget.value)} data-testid="overlap-max" />
          </label>
          <label>
            Until the posterior reaches
            <input
              type="number"
              min={0.5}
              max={0.999}
              step={0.01}
              value={target}
              onInput={(e) => setTarget(e.currentTarget.value)}
              data-testid="overlap-target"
            />
          </label>
        </div>
      )}
      <label>
        Gold items, % of each annotator's items
        <input type="number" min={0} max={100} step={0.5} value={gold} onInput={(e) => setGold(e.currentTarget.value)} data-testid="gold-rate" />
      </label>
      <p class="hint">Gold items look like any other item; answers on them score the annotator (import them with `labelforge gold PROJECT import`).</p>
      <button type="submit" data-testid="save-overlap">
        Save overlap and gold
      </button>
      {status && (
        <p class={status.ok ? 'notice' : 'error'} role="status">
          {status.text}
        </p>
      )}
    </form>
  );
}

function ConsensusForm({ projectId, settings, onSaved }: { projectId: number; settings: ConsensusSettingsView; onSaved: (s: ConsensusSettingsView) => void }) {
  const [method, setMethod] = useState(settings.method);
  const [rerun, setRerun] = useState(String(settings.rerun_every));
  const [threshold, setThreshold] = useState(String(Math.round(settings.gold_accuracy_threshold * 100)));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const save = (e: Event) => {
    e.preventDefault();
    if (Number.isNaN(num(rerun)) || Number.isNaN(num(threshold))) {
      setStatus({ ok: false, text: 'Fill in every number.' });
      return;
    }
    teamApi.setConsensusSettings(projectId, { method, rerun_every: num(rerun), gold_accuracy_threshold: num(threshold) / 100 }).then(
      (s) => {
        onSaved(s);
        setStatus({ ok: true, text: 'Saved.' });
      },
      (err) => setStatus({ ok: false, text: message(err) }),
    );
  };
  return (
    <form class="card settings-form" onSubmit={save} data-testid="consensus-form">
      <h2>Consensus and scorecards</h2>
      <label>
        Method
        <select value={method} onChange={(e) => setMethod(e.currentTarget.value)}>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <label>
        Rerun after this many new labels (0: never)
        <input type="number" min={0} value={rerun} onInput={(e) => setRerun(e.currentTarget.value)} data-testid="rerun-every" />
      </label>
      <label>
        Flag annotators below this gold accuracy, %
        <input type="number" min={0} max={100} value={threshold} onInput={(e) => setThreshold(e.currentTarget.value)} data-testid="gold-threshold" />
      </label>
      <p class="hint">An annotator is flagged when the whole 95% interval of their gold accuracy lies below the threshold.</p>
      <button type="submit" data-testid="save-consensus">
        Save consensus settings
      </button>
      {status && (
        <p class={status.ok ? 'notice' : 'error'} role="status">
          {status.text}
        </p>
      )}
    </form>
  );
}
