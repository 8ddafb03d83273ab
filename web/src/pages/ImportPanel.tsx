import { useState } from 'preact/hooks';
import type { ImportReport as Report } from '../api/schema';
import { requestHeaders } from '../session';

/** Uploads a file as the request body (streamed by the server) with upload progress, then shows the report. */
export function ImportPanel({ projectId }: { projectId: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [textField, setTextField] = useState('');
  const [idField, setIdField] = useState('');
  const [labelField, setLabelField] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState('');

  const upload = (e: Event) => {
    e.preventDefault();
    if (!file) return;
    const query = new URLSearchParams({ filename: file.name });
    if (textField) query.set('text_field', textField);
    if (idField) query.set('id_field', idField);
    if (labelField) query.set('label_field', labelField);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/projects/${projectId}/import?${query}`);
    for (const [name, value] of Object.entries(requestHeaders('POST', false))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (p) => p.lengthComputable && setProgress(Math.round((100 * p.loaded) / p.total));
    xhr.onload = () => {
      setProgress(100);
      try {
        const body = JSON.parse(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300) setReport(body as Report);
        else setError(body.detail ?? body.title ?? `HTTP ${xhr.status}`);
      } catch {
        setError(`HTTP ${xhr.status}`);
      }
    };
    xhr.onerror = () => setError('The upload failed: is the server running?');
    setReport(null);
    setError('');
    setProgress(0);
    xhr.send(file);
  };

  return (
    <section class="card">
      <h2>Import data</h2>
      <p class="muted">CSV, TSV, JSONL, JSON or Label Studio JSON; the format comes from the file name.</p>
      <form onSubmit={upload}>
        <input type="file" aria-label="File to import" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        <div class="fields">
          <label>
            Text field <input value={textField} placeholder="text" onInput={(e) => setTextField(e.currentTarget.value)} />
          </label>
          <label>
            Id field <input value={idField} placeholder="(none)" onInput={(e) => setIdField(e.currentTarget.value)} />
          </label>
          <label>
            Label field <input value={labelField} placeholder="(none)" onInput={(e) => setLabelField(e.currentTarget.value)} />
          </label>
        </div>
        <button type="submit" disabled={!file}>
          Upload
        </button>
      </form>
      {progress !== null && (
        <div class="progress" role="progressbar" aria-label="Upload progress" aria-valuenow={progress}>
          <div class="progress-fill" style={{ width: `${progress}%` }} />
          <span>{progress}%</span>
        </div>
      )}
      {error && <p class="error">{error}</p>}
      {report && (
        <div data-testid="import-report">
          <p>
            {report.imported} imported of {report.rows} rows · {report.skipped_duplicates} duplicates skipped · {report.error_count} errors
            {report.ignored > 0 && <> · {report.ignored} ignored</>}
            {report.rolled_back && <> · nothing stored (strict import rolled back)</>}
          </p>
          {report.ignored > 0 && report.ignored_reasons && report.ignored_reasons.length > 0 && (
            <p class="hint" data-testid="import-ignored">
              Ignored rows: {report.ignored_reasons.join('; ')}
            </p>
          )}
          {report.created_labels.length > 0 && <p class="hint">New labels: {report.created_labels.join(', ')}</p>}
          {report.label_notices.length > 0 && (
            <ul class="hint" data-testid="import-label-notices">
              {report.label_notices.map((n) => (
                <li key={`${n.value}:${n.label}`}>{n.message}</li>
              ))}
            </ul>
          )}
          {report.errors.length > 0 && (
            <table class="grid">
              <thead>
                <tr>
                  <th>Line</th>
                  <th>Field</th>
                  <th>Problem</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((r) => (
                  <tr key={`${r.file}:${r.line}:${r.field}`}>
                    <td>{r.line}</td>
                    <td>{r.field ?? ''}</td>
                    <td>{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
