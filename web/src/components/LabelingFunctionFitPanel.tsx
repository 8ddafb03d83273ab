import { useState } from 'preact/hooks';
import { labelingFunctionApi, type LabelingFunctionFitResult } from '../labelingFunctionApi';
import { percent } from '../format';
import { Bar } from './Bar';

const MODELS = [
  ['matrix-completion', 'Matrix completion (learns each function’s accuracy)'],
  ['majority-vote', 'Majority vote'],
  ['dawid-skene', 'Dawid-Skene (EM)'],
] as const;

/** Fit a label model on the applied matrix: shows the class balance and how the model weighs each function. */
export function LabelingFunctionFitPanel({ projectId, set, applied, onFitted }: { projectId: number; set: string; applied: boolean; onFitted?: () => void }) {
  const [model, setModel] = useState('matrix-completion');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LabelingFunctionFitResult | null>(null);
  const [error, setError] = useState('');
  const fit = async () => {
    setBusy(true);
    setError('');
    try {
      setResult(await labelingFunctionApi.fit(projectId, set, model));
      onFitted?.();
    } catch (e) {
      setError(String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" data-testid="lf-fit">
      <h2>Fit a label model</h2>
      <div class="op-form">
        <select aria-label="Label model" value={model} onChange={(e) => setModel(e.currentTarget.value)}>
          {MODELS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button type="button" onClick={fit} disabled={busy || !applied}>
          {busy ? 'Fitting…' : 'Fit and label items'}
        </button>
      </div>
      {!applied && <p class="muted">Apply the set first; the model learns from the functions’ votes.</p>}
      {error && <p class="error">{error}</p>}
      {result && (
        <div data-testid="lf-fit-result">
          <p>
            <strong>{result.annotations}</strong> programmatic labels written as <code>{result.author}</code> on {result.covered} of {result.items} items
            {result.covered < result.items ? ` (${result.items - result.covered} without any vote)` : ''} in {result.seconds.toFixed(2)} s.
            {result.human_accuracy != null && (
              <>
                {' '}
                Agrees with the gold labels on <strong>{percent(result.human_accuracy)}</strong> of {result.human_labeled} items.
              </>
            )}
          </p>
          <h3>Class balance</h3>
          <table class="balance" data-testid="lf-balance">
            <tbody>
              {result.class_balance.map((c) => (
                <tr key={c.label}>
                  <th scope="row">{c.label}</th>
                  <td class="wide">
                    <Bar value={c.prior} kind="coverage" />
                  </td>
                  <td class="muted">{c.predicted} items</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Function weights</h3>
          <table class="grid" data-testid="lf-weights">
            <thead>
              <tr>
                <th>Function</th>
                <th>Estimated accuracy</th>
                <th>Weight</th>
              </tr>
            </thead>
            <tbody>
              {result.functions.map((f) => (
                <tr key={f.name}>
                  <td class="fn-name">{f.name}</td>
                  <td>
                    {f.estimated_accuracy == null ? (
                      <span class="muted">never fires</span>
                    ) : (
                      <Bar value={f.estimated_accuracy} kind={f.estimated_accuracy < 0.6 ? 'low' : 'good'} />
                    )}
                  </td>
                  <td>{f.weight == null ? '–' : f.weight.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
