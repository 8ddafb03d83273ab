import { useEffect, useState } from 'preact/hooks';
import { setupApi, type AnnotationRow, type ItemRow } from '../api';
import { Pager } from '../components/Pager';
import { itemMedia } from '../media';

const PAGE = 25;

/** Paged item table with search and filters; a row opens the item's full annotation history. */
export function DataPanel({ projectId }: { projectId: number }) {
  const [search, setSearch] = useState('');
  const [label, setLabel] = useState('');
  const [author, setAuthor] = useState('');
  const [unlabeled, setUnlabeled] = useState(false);
  const [relabel, setRelabel] = useState(false);
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<ItemRow[]>([]);
  const [total, setTotal] = useState(0);
  const [capped, setCapped] = useState(false);
  const [open, setOpen] = useState<{ item: ItemRow; history: AnnotationRow[] } | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    const q = new URLSearchParams({ page: String(page), page_size: String(PAGE) });
    if (search) q.set('search', search);
    if (label) q.set('label', label);
    if (author) q.set('author', author);
    if (unlabeled) q.set('unlabeled', 'true');
    if (relabel) q.set('needs_relabel', 'true');
    let stale = false;
    setupApi.items(projectId, q).then(
      (r) => {
        // A slower answer to an earlier filter must not overwrite a newer one.
        if (stale) return;
        setRows(r.items);
        setTotal(r.total);
        setCapped(r.total_capped ?? false);
        setError('');
      },
      (e) => setError(String(e)),
    );
    return () => {
      stale = true;
    };
  }, [projectId, search, label, author, unlabeled, relabel, page]);

  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const pages = Math.max(1, Math.ceil(total / PAGE));
  return (
    <section class="card">
      <h2>Data</h2>
      <div class="filters">
        <input aria-label="Search text" placeholder="Search text or id" value={search} onInput={(e) => reset(setSearch)(e.currentTarget.value)} />
        <input aria-label="Label" placeholder="Label" value={label} onInput={(e) => reset(setLabel)(e.currentTarget.value)} />
        <input aria-label="Author" placeholder="Author" value={author} onInput={(e) => reset(setAuthor)(e.currentTarget.value)} />
        <label class="inline">
          <input type="checkbox" checked={unlabeled} onChange={(e) => reset(setUnlabeled)(e.currentTarget.checked)} /> Unlabeled
        </label>
        <label class="inline">
          <input type="checkbox" checked={relabel} onChange={(e) => reset(setRelabel)(e.currentTarget.checked)} /> Needs relabel
        </label>
      </div>
      {error && <p class="error">{error}</p>}
      <table class="grid" data-testid="items-table">
        <thead>
          <tr>
            <th>Id</th>
            <th>Text</th>
            <th>Labels</th>
            <th>Authors</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} class="clickable" onClick={() => setupApi.item(projectId, r.id).then(setOpen, (e) => setError(String(e)))}>
              <td>{r.external_id ?? r.id}</td>
              <td class="clip">
                <ItemCell projectId={projectId} row={r} />
              </td>
              <td>{r.labels.join(', ')}</td>
              <td>{r.authors.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={page} pages={pages} total={total} capped={capped} onPage={setPage} />
      {open && (
        <div class="card" data-testid="item-history">
          <h2>Item {open.item.external_id ?? open.item.id}</h2>
          {itemMedia(projectId, open.item) ? (
            <img class="item-image" src={itemMedia(projectId, open.item)!.url} alt={open.item.text} data-testid="history-image" />
          ) : (
            <p class="item-text">{open.item.text}</p>
          )}
          <table class="grid">
            <thead>
              <tr>
                <th>#</th>
                <th>Author</th>
                <th>Kind</th>
                <th>Labels</th>
                <th>Time spent</th>
                <th>When</th>
              </tr>
            </thead>
            <tbody>
              {open.history.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.id}
                    {a.supersedes_id ? ` (replaces ${a.supersedes_id})` : ''}
                  </td>
                  <td>{a.author}</td>
                  <td>
                    {a.kind}
                    {a.suggestion_outcome && <span class="chip">{`${a.suggestion_outcome} #${a.suggestion_annotation_id}`}</span>}
                  </td>
                  <td>{a.labels.join(', ')}</td>
                  <td>{a.time_spent_ms != null ? `${(a.time_spent_ms / 1000).toFixed(1)} s` : ''}</td>
                  <td>{new Date(a.created_at).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The text of a row, or for an image item a thumbnail (loaded lazily, only when the row scrolls into view) and its path. */
function ItemCell({ projectId, row }: { projectId: number; row: ItemRow }) {
  const media = itemMedia(projectId, row);
  if (!media) return <>{row.text}</>;
  return (
    <span class="thumb-cell">
      <img
        class={media.width > 0 && media.width < 64 ? 'thumb pixelated' : 'thumb'}
        loading="lazy"
        src={media.url}
        alt={media.path}
        width={64}
        height={64}
        data-testid="thumb"
      />
      {row.text}
    </span>
  );
}
