import type { LabelInfo } from '../api';
import { useEffect, useRef, useState } from 'preact/hooks';
import { filterLabels } from '../hotkeys';
import { displayPath } from '../labelPath';

/** The `/` box: type to find a label by name, path or description; arrows move, Enter picks, Escape closes. */
export function LabelFilter({ labels, onPick, onClose }: { labels: LabelInfo[]; onPick: (l: LabelInfo) => void; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  // Focused on every opening: the browser honours `autofocus` only once per document, so a second opening (or one
  // after another dialog took it) left the box unfocused and the typed letters went nowhere.
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const matches = filterLabels(labels, query).slice(0, 12);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') setIndex((i) => Math.min(i + 1, matches.length - 1));
    else if (e.key === 'ArrowUp') setIndex((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter' && matches[index]) onPick(matches[index]);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div class="overlay" onClick={onClose}>
      <div class="palette" onClick={(e) => e.stopPropagation()}>
        <input
          ref={input}
          aria-label="Find a label"
          placeholder="Find a label…"
          value={query}
          onKeyDown={onKey}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setIndex(0);
          }}
        />
        <ul>
          {matches.map((l, i) => (
            <li key={l.id} class={i === index ? 'active' : ''} onClick={() => onPick(l)}>
              <strong>{displayPath(l)}</strong>
              {l.description && <span class="desc">{l.description}</span>}
            </li>
          ))}
          {matches.length === 0 && <li class="muted">No label matches.</li>}
        </ul>
      </div>
    </div>
  );
}
