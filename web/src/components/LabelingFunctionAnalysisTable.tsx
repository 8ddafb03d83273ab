import type { LabelingFunctionAnalysis, LabelingFunctionStats } from '../labelingFunctionApi';
import { percent } from '../format';
import { Bar } from './Bar';

function Accuracy({ f }: { f: LabelingFunctionStats }) {
  if (f.empirical_accuracy == null) return <span class="muted">–</span>;
  return (
    <span title={`${f.correct} correct, ${f.incorrect} incorrect against gold labels`}>
      <Bar value={f.empirical_accuracy} kind={f.empirical_accuracy < 0.6 ? 'low' : 'good'} />
      <small class="muted">
        {f.correct}/{f.correct + f.incorrect}
      </small>
    </span>
  );
}

/**
 * The LF analysis: one row per function with coverage, overlap and conflict bars, accuracy against gold labels
 * when there are any, and faults. Rows are focusable; Enter or a click opens the function's items, arrows move.
 */
export function LabelingFunctionAnalysisTable({
  analysis,
  selected,
  onSelect,
}: {
  analysis: LabelingFunctionAnalysis;
  selected: string | null;
  onSelect: (name: string) => void;
}) {
  const hasGold = analysis.human_labeled > 0;
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const rows = (e.currentTarget as HTMLElement).parentElement?.children;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(analysis.functions[index].name);
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && rows) {
      e.preventDefault();
      const next = rows[index + (e.key === 'ArrowDown' ? 1 : -1)] as HTMLElement | undefined;
      next?.focus();
    }
  };
  return (
    <div>
      <p class="summary-line" data-testid="lf-summary">
        <strong>{analysis.items}</strong> items · coverage <strong>{percent(analysis.coverage)}</strong> · overlap {percent(analysis.overlap)} · conflict{' '}
        {percent(analysis.conflict)} ·{' '}
        {hasGold ? `${analysis.human_labeled} with gold labels` : 'no gold labels yet (label, import or review some items for accuracy)'}
      </p>
      {analysis.functions.length === 0 ? (
        <p class="muted">The applied set has no functions.</p>
      ) : (
        <table class="grid lf-table" data-testid="lf-analysis">
          <thead>
            <tr>
              <th>Function</th>
              <th>Votes</th>
              <th>Coverage</th>
              <th>Overlaps</th>
              <th>Conflicts</th>
              {hasGold && <th>Accuracy (gold)</th>}
              <th>Faults</th>
            </tr>
          </thead>
          <tbody>
            {analysis.functions.map((f, i) => (
              <tr
                key={f.name}
                tabIndex={0}
                class={`clickable${f.name === selected ? ' selected' : ''}`}
                aria-selected={f.name === selected}
                onClick={() => onSelect(f.name)}
                onKeyDown={(e) => onKeyDown(e, i)}
              >
                <td class="fn-name">{f.name}</td>
                <td>{f.polarity.length ? f.polarity.join(', ') : <span class="muted">never fires</span>}</td>
                <td>
                  <Bar value={f.coverage} kind="coverage" />
                </td>
                <td>
                  <Bar value={f.overlaps} kind="overlap" />
                </td>
                <td>
                  <Bar value={f.conflicts} kind="conflict" />
                </td>
                {hasGold && (
                  <td>
                    <Accuracy f={f} />
                  </td>
                )}
                <td class={f.faults > 0 ? 'stat bad' : 'muted'}>{f.faults}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
