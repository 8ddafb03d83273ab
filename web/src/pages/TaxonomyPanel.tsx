import { useEffect, useState } from 'preact/hooks';
import { api, setupApi, type TaxonomyVersion, type LabelInfo } from '../api';
import { displayPath, labelRef, splitLabelList } from '../labelPath';

type Op = 'add' | 'rename' | 'move' | 'deprecate' | 'merge' | 'split';

const HINTS: Record<Op, [string, string]> = {
  add: ['New label name', 'Parent label (optional; a path such as Animals/Other where names repeat)'],
  rename: ['Label', 'New name'],
  move: ['Label', 'New parent (empty: top level)'],
  deprecate: ['Label', ''],
  merge: ['Labels to merge (comma-separated; \\, for a comma in a name)', 'Into label'],
  split: ['Label to split', 'New labels (comma-separated; \\, for a comma in a name)'],
};

/** Names are stored trimmed; say so instead of changing what was typed silently. */
function trimNotice(typed: string): string {
  const name = typed.trim();
  return name === typed ? '' : `Note: the name was stored as “${name}”, without the whitespace around it.`;
}

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

function Tree({ labels, parent, onEdit }: { labels: LabelInfo[]; parent: number | null; onEdit: (label: LabelInfo) => void }) {
  const children = labels.filter((l) => (l.parent_id ?? null) === parent);
  if (children.length === 0) return null;
  return (
    <ul class="tree">
      {children.map((l) => (
        <li key={l.id}>
          {l.color && <span class="swatch" style={{ background: l.color }} aria-hidden="true" />}
          {l.status === 'active' ? (
            <button type="button" class={`tree-label link ${l.status}`} title="Edit description, hotkey and color" onClick={() => onEdit(l)}>
              {l.name}
            </button>
          ) : (
            <span class={`tree-label ${l.status}`}>{l.name}</span>
          )}
          {l.hotkey && <kbd>{l.hotkey}</kbd>}
          {l.status !== 'active' && <span class="badge">{l.status}</span>}
          {l.description && <span class="muted"> — {l.description}</span>}
          <Tree labels={labels} parent={l.id} onEdit={onEdit} />
        </li>
      ))}
    </ul>
  );
}

/** Description, hotkey and color of one label; each save is an "edit" taxonomy version. */
function LabelEditor({ projectId, label, onDone }: { projectId: number; label: LabelInfo; onDone: (saved: boolean) => void }) {
  const [description, setDescription] = useState(label.description ?? '');
  const [hotkey, setHotkey] = useState(label.hotkey ?? '');
  const [color, setColor] = useState(label.color ?? '');
  const [error, setError] = useState('');
  const save = async (e: Event) => {
    e.preventDefault();
    setError('');
    if (description.trim() === (label.description ?? '') && hotkey.trim() === (label.hotkey ?? '') && color === (label.color ?? '')) {
      onDone(false); // nothing changed: no new taxonomy version
      return;
    }
    try {
      await setupApi.editLabel(projectId, String(label.id), { description: description.trim(), hotkey: hotkey.trim(), color });
      onDone(true);
    } catch (err) {
      setError(String(err));
    }
  };
  return (
    <form class="label-editor" data-testid="label-editor" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && onDone(false)}>
      <h3>Edit “{displayPath(label)}”</h3>
      <label>
        Description <span class="muted">(shown to annotators beside the label)</span>
        <textarea rows={2} value={description} onInput={(e) => setDescription(e.currentTarget.value)} autoFocus />
      </label>
      <label>
        Hotkey <span class="muted">(one letter or digit; empty: assigned automatically)</span>
        <input class="hotkey-input" maxLength={1} value={hotkey} onInput={(e) => setHotkey(e.currentTarget.value)} />
      </label>
      <label>
        Color
        <span class="color-row">
          <input type="color" aria-label="Color" value={color || '#888888'} onInput={(e) => setColor(e.currentTarget.value)} />
          <span class="muted">{color || 'none'}</span>
          {color && (
            <button type="button" class="link" onClick={() => setColor('')}>
              no color
            </button>
          )}
        </span>
      </label>
      <div class="row">
        <button type="submit">Save</button>
        <button type="button" class="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
      {error && <p class="error">{error}</p>}
    </form>
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
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<LabelInfo | null>(null);
  const load = () => {
    api.labels(projectId).then(setLabels, (e) => setError(String(e)));
    setupApi.history(projectId).then(setHistory, (e) => setError(String(e)));
  };
  useEffect(load, [projectId]);
  // Typed labels go to the server as ids where they name one, so names with '/' never travel in a URL path.
  const ref = (s: string) => labelRef(labels, s);

  const apply = async (e: Event) => {
    e.preventDefault();
    setError('');
    try {
      if (op === 'add') await setupApi.addLabel(projectId, first, second.trim() ? ref(second) : null, null, null);
      else if (op === 'rename') await setupApi.editLabel(projectId, ref(first), { name: second });
      else if (op === 'move') await setupApi.move(projectId, ref(first), second.trim() ? ref(second) : null);
      else if (op === 'deprecate') await setupApi.deprecate(projectId, ref(first));
      else if (op === 'merge') await setupApi.merge(projectId, splitLabelList(first).map(ref), second.trim());
      else await setupApi.split(projectId, ref(first), splitLabelList(second));
      setNotice(op === 'add' || op === 'rename' ? trimNotice(op === 'add' ? first : second) : '');
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
        <Tree labels={labels} parent={null} onEdit={setEditing} />
        {editing && (
          <LabelEditor
            key={editing.id}
            projectId={projectId}
            label={editing}
            onDone={(saved) => {
              setEditing(null);
              if (saved) load();
            }}
          />
        )}
        <p class="muted">Click a label to edit its description, hotkey and color.</p>
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
        {notice && (
          <p class="muted" role="status">
            {notice}
          </p>
        )}
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
