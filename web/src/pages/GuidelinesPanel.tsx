import { useEffect, useState } from 'preact/hooks';
import { api, setupApi } from '../api';
import { renderMarkdown } from '../markdown';

/** Markdown guidelines with a live, sanitized preview. */
export function GuidelinesPanel({ projectId }: { projectId: number }) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    api.project(projectId).then(
      (p) => {
        setText(p.guidelines ?? '');
        setLoaded(true);
      },
      (e) => setStatus(String(e)),
    );
  }, [projectId]);
  const save = async () => {
    try {
      await setupApi.saveGuidelines(projectId, text);
      setStatus('Saved.');
    } catch (e) {
      setStatus(String(e));
    }
  };
  return (
    <div class="two-col">
      <section class="card">
        <h2>Guidelines (Markdown)</h2>
        <textarea aria-label="Guidelines" rows={16} disabled={!loaded} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <p>
          <button onClick={save}>Save guidelines</button> <span class="muted">{status}</span>
        </p>
      </section>
      <section class="card markdown" data-testid="guidelines-preview" dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />
    </div>
  );
}
