import { useEffect, useState } from 'preact/hooks';
import { api, setupApi, type TaxonomyVersion } from '../api';
import type { LabelInfo } from '../hotkeys';

type Op = 'add' | 'rename' | 'move' | 'deprecate' | 'merge' | 'split';

const HINTS: Record<Op, [string, string]> = {
  add: ['New label name', 'Parent label (optional)'],
  rename: ['Label', 'New name'],
  move: ['Label', 'New parent (empty: top level)'],
  deprecate: ['Label', ''],
  merge: ['Labels to merge (comma-separated)', 'Into label'],
  split: ['Label to split', 'New labels (comma-separated)'],
};

/** History details are JSON; show them as "key: value" pairs, which reads better than braces. */
function describe(details: string): string {
  try {
    const parsed = JSON.parse(details) as Record<string, unknown>;
    return Object.entries(parsed)
      .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(' · ');
  } catch {
    return details;
  }
}

function Tree({ labels, parent }: { labels: LabelInfo[]; parent: number | null }) {
  const children = labels.filter((l) => (l.parent_id ?? null) === parent);
  if (children.length === 0) return null;
  return (
    <ul class="tree">
      {children.map((l) => (
        <li key={l.id}>
          <span class={`tree-label ${l.status}`}>{l.name}</span>
          {l.hotkey && <kbd>{l.hotkey}</kbd>}
          {l.status !== 'active' && <span class="badge">{l.status}</span>}
          {l.description && <span class="muted"> — {l.description}</span>}
          <Tree labels={labels} parent={l.id} />
        </li>
      ))}
    </ul>
  );
}

/** The taxonomy as a tree, one form for every recorded operation, and the version history. */
export function TaxonomyPanel({ projectId }: { projectId: number }) {
  const [labels, setLabels] = useState<LabelInfo[]>([]);
  const [history, setHistory] = useState<TaxonomyVersion[]>([]);
  const [op, setOp] = useState<Op>('add');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [error, setError] = useState('');
  const load = () => {
    api.labels(projectId).then(setLabels, (e) => setError(String(e)));
    setupApi.history(projectId).then(setHistory, (e) => setError(String(e)));
  };
  useEffect(load, [projectId]);
  const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

  const apply = async (e: Event) => {
    e.preventDefault();
    setError('');
    try {
      if (op === 'add') await setupApi.addLabel(projectId, first.trim(), second.trim() || null, null, null);
      else if (op === 'rename') await setupApi.editLabel(projectId, first.trim(), { name: second.trim() });
      else if (op === 'move') await setupApi.move(projectId, first.trim(), second.trim() || null);
      else if (op === 'deprecate') await setupApi.deprecate(projectId, first.trim());
      else if (op === 'merge') await setupApi.merge(projectId, list(first), second.trim());
      else await setupApi.split(projectId, first.trim(), list(second));
      setFirst('');
      setSecond('');
      load();
    } catch (err) {
      setError(String(err));
    }
  };

  return (
    <div class="two-col">
      <section class="card">
        <h2>Labels</h2>
        <Tree labels={labels} parent={null} />
        <form class="op-form" onSubmit={apply}>
          <select aria-label="Operation" value={op} onChange={(e) => setOp(e.currentTarget.value as Op)}>
            {(Object.keys(HINTS) as Op[]).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          <input aria-label={HINTS[op][0]} placeholder={HINTS[op][0]} value={first} onInput={(e) => setFirst(e.currentTarget.value)} required />
          {HINTS[op][1] && <input aria-label={HINTS[op][1]} placeholder={HINTS[op][1]} value={second} onInput={(e) => setSecond(e.currentTarget.value)} />}
          <button type="submit">Apply</button>
        </form>
        {error && <p class="error">{error}</p>}
      </section>
      <section class="card">
        <h2>Version history</h2>
        <ol class="history" reversed>
          {[...history].reverse().map((v) => (
            <li key={v.version}>
              <strong>v{v.version}</strong> {v.operation} <span class="muted">{describe(v.details)}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
