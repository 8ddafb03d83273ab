import { useEffect, useRef, useState } from 'preact/hooks';
import { usePoll } from '../hooks/usePoll';
import {
  labelingFunctionApi,
  type LabelingFunctionAnalysis,
  type LabelingFunctionApplySummary,
  type LabelingFunctionProblem,
  type LabelingFunctionSetState,
  type SpanLabelingFunctionRun,
} from '../labelingFunctionApi';
import { percent } from '../format';
import { LabelingFunctionEditor } from '../components/LabelingFunctionEditor';
import { LabelingFunctionAnalysisTable } from '../components/LabelingFunctionAnalysisTable';
import { LabelingFunctionItemsPanel } from '../components/LabelingFunctionItemsPanel';
import { LabelingFunctionFitPanel } from '../components/LabelingFunctionFitPanel';

function ApplySummary({ s }: { s: LabelingFunctionApplySummary }) {
  const faults = s.faults.reduce((a, b) => a + b, 0);
  return (
    <p class="notice" data-testid="lf-apply-summary">
      Applied version {s.version} to <strong>{s.items}</strong> items ({s.new_items} new, {s.reused_functions} of {s.functions.length} functions re-used) in{' '}
      {s.seconds.toFixed(2)} s · coverage {percent(s.coverage)} · {faults === 0 ? 'no faults' : <span class="stat bad">{faults} faults (see the table)</span>}
    </p>
  );
}

/** A span run: what was marked, what was written as suggestions, and each function's share. */
function SpanRunSummary({ r }: { r: SpanLabelingFunctionRun }) {
  const faults = r.functions.reduce((a, f) => a + f.faults, 0);
  return (
    <div class="notice" data-testid="lf-spans-summary">
      <p>
        Applied version {r.version}: <strong>{r.spans}</strong> spans on {r.covered_items} of {r.items} items · {r.annotations} suggestion
        {r.annotations === 1 ? '' : 's'} written as <code>{r.author}</code> (shown on the annotate page) · {r.seconds.toFixed(2)} s ·{' '}
        {faults === 0 ? 'no faults' : <span class="stat bad">{faults} faults</span>}
      </p>
      <table class="grid">
        <thead>
          <tr>
            <th>Function</th>
            <th>Kind</th>
            <th>Items</th>
            <th>Spans</th>
            <th>Faults</th>
          </tr>
        </thead>
        <tbody>
          {r.functions.map((f) => (
            <tr key={f.name}>
              <td>{f.name}</td>
              <td>{f.kind}</td>
              <td>{f.items}</td>
              <td>{f.spans}</td>
              <td title={f.first_fault ?? undefined}>{f.faults}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Labeling functions of a project: edit and version the YAML, apply it, read the analysis, browse votes, fit a label
 * model. In a text-spans project (<code>spans</code>) applying writes the functions' spans as suggestions instead,
 * with no analysis matrix or label model.
 */
export function LabelingFunctionPage({ projectId, spans = false }: { projectId: number; spans?: boolean }) {
  const [set, setSet] = useState('default');
  const [sets, setSets] = useState<string[]>([]);
  const [state, setState] = useState<LabelingFunctionSetState | null>(null);
  const [yaml, setYaml] = useState('');
  const [problems, setProblems] = useState<LabelingFunctionProblem[]>([]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [applying, setApplying] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [summary, setSummary] = useState<LabelingFunctionApplySummary | null>(null);
  const [spanRun, setSpanRun] = useState<SpanLabelingFunctionRun | null>(null);
  const [analysis, setAnalysis] = useState<LabelingFunctionAnalysis | null | undefined>(undefined);
  const [selected, setSelected] = useState<string | null>(null);
  const applyStarted = useRef(0);
  usePoll(() => setElapsed((performance.now() - applyStarted.current) / 1000), 100, applying);

  const loadAnalysis = () =>
    spans ? Promise.resolve(setAnalysis(null)) : labelingFunctionApi.analysis(projectId, set).then(setAnalysis, (e) => setError(String(e)));
  const loadState = async (replaceText: boolean) => {
    const s = await labelingFunctionApi.state(projectId, set);
    setState(s);
    if (replaceText) setYaml(s.yaml);
  };
  useEffect(() => {
    labelingFunctionApi.sets(projectId).then(
      (list) => {
        const names = list.map((s) => s.set);
        setSets(names);
        if (names.length > 0 && !names.includes('default')) setSet(names[0]);
      },
      () => undefined,
    );
  }, [projectId]);
  useEffect(() => {
    setSelected(null);
    setSummary(null);
    setSpanRun(null);
    setProblems([]);
    loadState(true).catch((e) => setError(String(e)));
    loadAnalysis();
  }, [projectId, set]);

  const dirty = state !== null && yaml !== state.yaml;
  const save = async (): Promise<boolean> => {
    setError('');
    setStatus('Saving…');
    try {
      const outcome = await labelingFunctionApi.save(projectId, set, yaml);
      if ('errors' in outcome) {
        setProblems(outcome.errors);
        setStatus(`Not saved: ${outcome.errors.length} problem${outcome.errors.length === 1 ? '' : 's'} to fix.`);
        return false;
      }
      setProblems([]);
      setStatus(outcome.ok.new_version ? `Saved as version ${outcome.ok.version}.` : `No changes since version ${outcome.ok.version}.`);
      await loadState(false);
      return true;
    } catch (e) {
      setStatus('');
      setError(String(e));
      return false;
    }
  };
  const apply = async () => {
    if (dirty && !(await save())) return;
    setApplying(true);
    setError('');
    applyStarted.current = performance.now();
    setElapsed(0);
    try {
      if (spans) setSpanRun(await labelingFunctionApi.applySpans(projectId, set));
      else setSummary(await labelingFunctionApi.apply(projectId, set));
      await Promise.all([loadState(false), loadAnalysis()]);
    } catch (e) {
      setError(String(e));
    } finally {
      setApplying(false);
    }
  };
  const openVersion = async (version: number) => {
    try {
      setYaml((await labelingFunctionApi.version(projectId, set, version)).yaml);
      setProblems([]);
      setStatus(`Loaded version ${version} into the editor; save to make it the latest.`);
    } catch (e) {
      setError(String(e));
    }
  };
  const onPageKey = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      if (!applying) void apply();
    }
  };

  const stale = analysis && state && analysis.version < state.version;
  return (
    <div class="lf-page" onKeyDown={onPageKey}>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="lf-top">
        <section class="card">
          <div class="card-head">
            <h2>Labeling functions</h2>
            {sets.length > 1 && (
              <select aria-label="LF set" value={set} onChange={(e) => setSet(e.currentTarget.value)}>
                {sets.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            )}
            <span class="muted">{state ? (state.version === 0 ? 'not saved yet' : `version ${state.version}${dirty ? ' · edited' : ''}`) : '…'}</span>
          </div>
          <LabelingFunctionEditor value={yaml} onChange={setYaml} problems={problems} onSave={() => void save()} />
          <div class="op-form">
            <button type="button" onClick={() => void save()} disabled={applying}>
              Save
            </button>
            <button type="button" onClick={() => void apply()} disabled={applying || (state?.version === 0 && !dirty)}>
              {applying ? 'Applying…' : dirty ? 'Save and apply' : 'Apply to items'}
            </button>
            <span class="muted" data-testid="lf-status" aria-live="polite">
              {status}
            </span>
          </div>
          <p class="hint">
            <kbd>Ctrl</kbd>+<kbd>S</kbd> save · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> apply · <kbd>Tab</kbd> indents, <kbd>Esc</kbd> leaves the editor
          </p>
          {applying && (
            <div class="progress indeterminate" role="progressbar" aria-label="Applying">
              <div class="progress-fill" />
              <span>Applying to every item… {elapsed.toFixed(1)} s</span>
            </div>
          )}
          {summary && !applying && <ApplySummary s={summary} />}
          {spanRun && !applying && <SpanRunSummary r={spanRun} />}
        </section>
        <section class="card versions">
          <h2>Versions</h2>
          {state && state.versions.length === 0 && <p class="muted">Nothing saved yet. The editor holds a starter set with this project’s labels.</p>}
          <ol class="history" reversed>
            {state?.versions
              .slice()
              .reverse()
              .map((v) => (
                <li key={v.version}>
                  <button type="button" class="link" onClick={() => void openVersion(v.version)}>
                    Version {v.version}
                  </button>
                  {v.version === state.version && <span class="badge">latest</span>}
                  {v.version === state.applied_version && <span class="badge applied">applied</span>}
                  <small class="muted when">{new Date(v.created_at).toLocaleString()}</small>
                </li>
              ))}
          </ol>
        </section>
      </div>
      {spans ? (
        <section class="card">
          <h2>Spans</h2>
          <p class="muted">
            This project labels spans: keyword, lookup and regex functions mark ranges of each text, and applying the set stores them as each item’s suggestion
            on the annotate page (Enter accepts, editing corrects). Functions that agree on a span add votes; there is no label model to fit.
          </p>
        </section>
      ) : (
        <>
          <section class="card">
            <h2>Analysis</h2>
            {analysis === undefined && <p class="muted">Loading…</p>}
            {analysis === null && <p class="muted">Not applied yet: save the set and press Apply to see how each function labels the items.</p>}
            {stale && (
              <p class="notice warn">
                This analysis is of version {analysis.version}; version {state!.version} is saved but not applied yet.
              </p>
            )}
            {analysis && <LabelingFunctionAnalysisTable analysis={analysis} selected={selected} onSelect={setSelected} />}
            {analysis && !selected && analysis.functions.length > 0 && <p class="hint">Click a function (or focus it and press Enter) to see its items.</p>}
          </section>
          {analysis && selected && analysis.functions.some((f) => f.name === selected) && (
            <LabelingFunctionItemsPanel projectId={projectId} set={set} fn={selected} version={analysis.version} />
          )}
          <LabelingFunctionFitPanel projectId={projectId} set={set} applied={!!analysis} />
        </>
      )}
    </div>
  );
}
