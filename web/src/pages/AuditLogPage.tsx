import { useEffect, useState } from 'preact/hooks';
import { ApiError, auditApi, type AuditEvent, type AuditFilter, type AuditPageResult } from '../api';
import { AUDIT_ACTIONS, auditQuery, detailsText } from '../auditLog';

const PAGE_SIZE = 50;

/** The audit log for admins: filters (action, actor, project, since) and a table, newest first, paged. */
export function AuditLogPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [draft, setDraft] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<AuditPageResult | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    auditApi.list(auditQuery(filter, page, PAGE_SIZE)).then(
      (r) => live && (setResult(r), setError('')),
      (e) => live && setError(e instanceof ApiError ? e.detail : String(e)),
    );
    return () => {
      live = false;
    };
  }, [filter, page]);
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  return (
    <section class="audit-log">
      <h1>Audit log</h1>
      <form
        class="audit-filter"
        aria-label="Filter the audit log"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setFilter({ ...draft });
        }}
      >
        <label>
          Action
          <select value={draft.action ?? ''} onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value || undefined })}>
            <option value="">any</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          Actor
          <input name="actor" value={draft.actor ?? ''} onInput={(e) => setDraft({ ...draft, actor: e.currentTarget.value || undefined })} />
        </label>
        <label>
          Project id
          <input
            name="project"
            inputMode="numeric"
            value={draft.projectId ?? ''}
            onInput={(e) => setDraft({ ...draft, projectId: e.currentTarget.value || undefined })}
          />
        </label>
        <label>
          Since
          <input name="since" type="date" value={draft.since ?? ''} onInput={(e) => setDraft({ ...draft, since: e.currentTarget.value || undefined })} />
        </label>
        <button type="submit">Apply</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {result && (
        <>
          <table class="audit-table">
            <caption>{result.total === 1 ? '1 entry' : `${result.total} entries`}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time (UTC)</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Project</th>
                <th scope="col">Target</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {result.events.map((e: AuditEvent) => (
                <tr key={e.id}>
                  <td>{new Date(e.at).toISOString().replace('T', ' ').slice(0, 19)}</td>
                  <td>{e.actor}</td>
                  <td>{e.action}</td>
                  <td>{e.project_id ?? ''}</td>
                  <td>{e.target ?? ''}</td>
                  <td class="audit-details">{detailsText(e.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <p class="pager">
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous
              </button>
              <span>
                Page {page} of {pages}
              </span>
              <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                Next
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
