import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { LabelingFunctionProblem } from '../labelingFunctionApi';
import { indent, lineCount, offsetOf, problemsByLine } from '../labelingFunctionEditor';

/**
 * The YAML editor: a monospace textarea with a line-number gutter that scrolls with it; lines with problems are
 * marked in the gutter and listed below, each a button that puts the cursor on its line and column.
 */
export function LabelingFunctionEditor({
  value,
  onChange,
  problems,
  onSave,
}: {
  value: string;
  onChange: (v: string) => void;
  problems: LabelingFunctionProblem[];
  onSave: () => void;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const byLine = useMemo(() => problemsByLine(problems), [problems]);
  const lines = lineCount(value);

  const scrollTo = (line: number) => {
    const el = area.current;
    if (!el) return;
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 21;
    el.scrollTop = Math.max(0, (line - 4) * lineHeight);
    if (gutter.current) gutter.current.scrollTop = el.scrollTop;
  };
  const jump = (p: LabelingFunctionProblem) => {
    const el = area.current;
    if (!el || p.line <= 0 || p.file) return;
    const at = offsetOf(value, p.line, p.column);
    el.focus();
    el.setSelectionRange(at, at);
    scrollTo(p.line);
  };
  // New problems bring the first one into view, so its red line number is seen without searching.
  useEffect(() => {
    const first = problems.find((p) => p.line > 0 && !p.file);
    if (first) scrollTo(first.line);
  }, [problems]);

  const onKeyDown = (e: KeyboardEvent) => {
    const el = e.currentTarget as HTMLTextAreaElement;
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      const edit = indent(el.value, el.selectionStart, el.selectionEnd, e.shiftKey);
      onChange(edit.text);
      requestAnimationFrame(() => el.setSelectionRange(edit.start, edit.end));
    } else if (e.key === 'Escape') {
      el.blur(); // Tab is taken by indentation, so Escape leaves the editor for keyboard users
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      onSave();
    }
  };

  return (
    <div>
      <div class="code-editor">
        <div class="gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lines }, (_, i) => {
            const here = byLine.get(i + 1);
            return (
              <div key={i} class={here ? 'bad' : ''} title={here?.map((p) => p.message).join('\n')}>
                {i + 1}
              </div>
            );
          })}
        </div>
        <textarea
          ref={area}
          aria-label="Labeling functions (YAML)"
          spellcheck={false}
          wrap="off"
          value={value}
          onInput={(e) => onChange(e.currentTarget.value)}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      {problems.length > 0 && (
        <ul class="problems" data-testid="lf-problems" aria-live="polite">
          {problems.map((p, i) => (
            <li key={i}>
              <button type="button" class="link" onClick={() => jump(p)} disabled={p.line <= 0 || !!p.file}>
                {p.file ? `${p.file}:${p.line}:${p.column}` : p.line > 0 ? `Line ${p.line}:${p.column}` : 'Set'}
              </button>
              {p.function && <span class="badge">{p.function}</span>} {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
