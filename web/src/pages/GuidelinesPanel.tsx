import { useEffect, useState } from 'preact/hooks';
import { api, setupApi, type GuidelineVersionView } from '../api';
import { renderMarkdown } from '../markdown';

/** Markdown guidelines with a live, sanitized preview; every saved edit is a new version, listed with the history. */
export function GuidelinesPanel({ projectId }: { projectId: number }) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [version, setVersion] = useState(0);
  const [history, setHistory] = useState<GuidelineVersionView[]>([]);
  const [shown, setShown] = useState<GuidelineVersionView | null>(null);
  const loadHistory = () => setupApi.guidelineVersions(projectId).then(setHistory, () => undefined);
  useEffect(() => {
    api.project(projectId).then(
      (p) => {
        setText(p.guidelines ?? '');
        setVersion(p.guideline_version ?? 0);
        setLoaded(true);
      },
      (e) => setStatus(String(e)),
    );
    loadHistory();
  }, [projectId]);
  const save = async () => {
    try {
      const saved = await setupApi.saveGuidelines(projectId, text);
      setStatus(saved.version === version ? 'Saved (unchanged, still version ' + version + ').' : `Saved as version ${saved.version}.`);
      setVersion(saved.version);
      setShown(null);
      loadHistory();
    } catch (e) {
      setStatus(String(e));
    }
  };
  const show = async (v: number) => {
    try {
      setShown(v === version ? null : await setupApi.guidelineVersion(projectId, v));
    } catch (e) {
      setStatus(String(e));
    }
  };
  return (
    <div class="two-col">
      <section class="card">
        <h2>
          Guidelines (Markdown){' '}
          <span class="muted" data-testid="guideline-version">
            version {version}
          </span>
        </h2>
        <textarea aria-label="Guidelines" rows={16} disabled={!loaded} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <p>
          <button onClick={save}>Save guidelines</button> <span class="muted">{status}</span>
        </p>
        <h3>History</h3>
        <ol class="guideline-history" data-testid="guideline-history">
          {[...history].reverse().map((h) => (
            <li key={h.version}>
              <button class="link" onClick={() => show(h.version)} aria-pressed={shown?.version === h.version || (shown === null && h.version === version)}>
                Version {h.version}
              </button>{' '}
              <span class="muted">
                {new Date(h.created_at).toLocaleString()}
                {h.author ? ` by ${h.author}` : ''}, {h.characters} characters
              </span>
            </li>
          ))}
        </ol>
      </section>
      <section class="card markdown" data-testid="guidelines-preview">
        {shown && (
          <p class="notice warn">
            Version {shown.version} (read-only) <button onClick={() => setShown(null)}>Back to the current text</button>
          </p>
        )}
        <div dangerouslySetInnerHTML={{ __html: renderMarkdown(shown?.text ?? text) }} />
      </section>
    </div>
  );
}
