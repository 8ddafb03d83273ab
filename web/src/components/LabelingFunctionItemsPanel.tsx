import { useEffect, useState } from 'preact/hooks';
import { labelingFunctionApi, type LabelingFunctionItemPage } from '../labelingFunctionApi';
import { Pager } from './Pager';

const FILTERS = [
  ['fires', 'All votes'],
  ['conflicts', 'Conflicts'],
  ['incorrect', 'Disagrees with gold'],
] as const;
const PAGE = 10;

/** The items a function votes on (or conflicts on, or gets wrong), paged, with the vote, the gold label and the other votes. */
export function LabelingFunctionItemsPanel({ projectId, set, fn, version }: { projectId: number; set: string; fn: string; version: number }) {
  const [filter, setFilter] = useState<string>('fires');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<LabelingFunctionItemPage | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setPage(1);
  }, [fn, filter]);
  useEffect(() => {
    let stale = false;
    labelingFunctionApi.items(projectId, set, fn, filter, page, PAGE).then(
      (d) => {
        if (stale) return;
        setData(d);
        setError('');
      },
      (e) => !stale && setError(String(e)),
    );
    return () => {
      stale = true;
    };
  }, [projectId, set, fn, filter, page, version]);

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  return (
    <section class="card" data-testid="lf-items" aria-label={`Items of ${fn}`}>
      <h2>
        Items where <code>{fn}</code> votes
      </h2>
      <div class="segmented" role="group" aria-label="Which items">
        {FILTERS.map(([value, label]) => (
          <button key={value} type="button" class={filter === value ? 'on' : ''} aria-pressed={filter === value} onClick={() => setFilter(value)}>
            {label}
          </button>
        ))}
      </div>
      {error && <p class="error">{error}</p>}
      {data && data.items.length === 0 && (
        <p class="muted">
          {filter === 'fires'
            ? 'This function votes on no items.'
            : filter === 'conflicts'
              ? 'No conflicts: nothing votes against it.'
              : 'No disagreements with gold labels.'}
        </p>
      )}
      {data && data.items.length > 0 && (
        <table class="grid">
          <thead>
            <tr>
              <th>Item</th>
              <th>Text</th>
              <th>Vote</th>
              <th>Gold</th>
              <th>Other votes</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((r) => (
              <tr key={r.item_id} class={r.conflict ? 'conflict' : ''}>
                <td>{r.external_id ?? r.item_id}</td>
                <td class="clip" title={r.text}>
                  {r.text}
                </td>
                <td>
                  <span class="badge">{r.vote}</span>
                </td>
                <td class={r.human_label && r.human_label !== r.vote ? 'stat bad' : ''}>{r.human_label ?? <span class="muted">–</span>}</td>
                <td>
                  {r.conflict && (
                    <span class="conflict-mark" title="Another function votes a different label">
                      ⚠ conflict
                    </span>
                  )}{' '}
                  {r.other_votes.map((v) => `${v.function} → ${v.label}`).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.total > PAGE && <Pager page={page} pages={pages} total={data.total} onPage={setPage} />}
      {data && data.total <= PAGE && data.total > 0 && <p class="muted">{data.total} items</p>}
    </section>
  );
}
