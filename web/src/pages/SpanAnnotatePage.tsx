import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { type LabelInfo, type ProjectDetail, type QueueItem } from '../api';
import { useActiveLabels } from '../hooks/useActiveLabels';
import { useAnnotateQueue } from '../hooks/useAnnotateQueue';
import { useKeyboard } from '../hooks/useKeyboard';
import { AnnotateStatus } from '../components/AnnotateStatus';
import {
  deleteAt,
  labelRange,
  moveSelection,
  segments,
  selectionRange,
  snapToTokens,
  sortSpans,
  spanCovering,
  tokenAt,
  toSubmission,
  type EditSpan,
  type Token,
  type TokenSelection,
} from '../spans';

const PALETTE = ['#fde68a', '#bfdbfe', '#bbf7d0', '#fbcfe8', '#ddd6fe', '#fed7aa', '#a5f3fc', '#e5e7eb'];

/** The suggestion's spans as the starting point of an item: Enter submits them as they are (accepting them). */
function initialSpans(item: QueueItem | null): EditSpan[] {
  return sortSpans((item?.suggestion?.spans ?? []).map((s) => ({ start: s.start, end: s.end, label_id: s.label_id, suggested: true })));
}

/** The character offset of a DOM position inside the item text (every segment element carries its start offset). */
function offsetOf(node: Node | null, offset: number): number | null {
  const element = node instanceof Element ? node : node?.parentElement;
  const segment = element?.closest<HTMLElement>('[data-start]');
  if (!segment) return null;
  return Number(segment.dataset.start) + (node instanceof Text ? offset : 0);
}

/**
 * The annotate page of a text-spans project: the item's text as tokens; select tokens with the mouse or the
 * keyboard (← → move by token, Shift extends), a label key labels the selection, Delete removes the spans on
 * the cursor, Enter submits (a suggestion's spans start on the page, so Enter accepts them unchanged).
 */
export function SpanAnnotatePage({ projectId, annotator, project }: { projectId: number; annotator: string; project: ProjectDetail }) {
  const [spans, setSpans] = useState<EditSpan[]>([]);
  const [selection, setSelection] = useState<TokenSelection | null>(null);
  const [error, setError] = useState('');
  const { labels, byKey, keyOf, loaded: labelsLoaded } = useActiveLabels(projectId, setError);
  const { queued, loading, progress, pending, submissions, submit: submitItem, skip: skipItem } = useAnnotateQueue(projectId, annotator, 3);
  // The item is shown (and keys act on it) only once the labels are there to pick from.
  const item = labelsLoaded ? queued : null;
  const overlapping = project.overlapping_spans ?? false;

  useLayoutEffect(() => {
    setSpans(initialSpans(item));
    setSelection(null);
  }, [item?.id]);

  const tokens: Token[] = item?.tokens ?? [];
  const colorOf = useMemo(() => {
    const colors = new Map<number, string>();
    labels.forEach((l, i) => colors.set(l.id, l.color || PALETTE[i % PALETTE.length]));
    return colors;
  }, [labels]);
  const nameOf = (id: number) => labels.find((l) => l.id === id)?.name ?? `#${id}`;

  const submit = () => {
    if (item) submitItem(item, { label_ids: [], spans: toSubmission(spans) });
  };

  const skip = () => {
    if (item) skipItem(item.id);
  };

  const label = (l: LabelInfo) => {
    if (!selection || tokens.length === 0) return;
    const [start, end] = selectionRange(tokens, selection);
    setSpans((s) => labelRange(s, start, end, l.id, overlapping));
  };

  const removeAtCursor = () => {
    if (!selection) return;
    const [start, end] = selectionRange(tokens, { anchor: selection.cursor, cursor: selection.cursor });
    setSpans((s) => deleteAt(s, start, end));
  };

  useKeyboard((key, e) => {
    if (key === 'ArrowRight' || key === 'ArrowLeft') setSelection((s) => moveSelection(s, key === 'ArrowRight' ? 1 : -1, e.shiftKey, tokens.length));
    else if (key === 'Escape') setSelection(null);
    else if (key === 'Delete' || key === 'Backspace') removeAtCursor();
    else if (key === 'Enter') submit();
    else if (key === 's') skip();
    else if (byKey.has(key)) label(byKey.get(key)!);
    else return false;
    return true;
  });

  const onMouseUp = () => {
    const dom = getSelection();
    if (!dom || dom.rangeCount === 0 || tokens.length === 0) return;
    const a = offsetOf(dom.anchorNode, dom.anchorOffset);
    const b = offsetOf(dom.focusNode, dom.focusOffset);
    if (a === null || b === null) return;
    const [start, end] = a <= b ? [a, b] : [b, a];
    if (start === end) {
      // A click: select the span under it (to relabel or delete), else its token.
      const t = tokenAt(tokens, start);
      const covering = spanCovering(spans, tokens[t][0], tokens[t][1]);
      setSelection(covering ? snapToTokens(tokens, covering.start, covering.end) : { anchor: t, cursor: t });
    } else setSelection(snapToTokens(tokens, start, end));
    dom.removeAllRanges();
  };

  const [selStart, selEnd] = selection && tokens.length > 0 ? selectionRange(tokens, selection) : [-1, -1];
  return (
    <div class="annotate">
      <AnnotateStatus name={project.name} progress={progress} pending={pending} onRetry={() => submissions.retryFailed()}>
        <span class="muted">← → move by token · Shift extends · label key labels · Delete removes · Enter submits · s skips</span>
      </AnnotateStatus>
      {error && <p class="error">{error}</p>}
      <div class="annotate-body">
        <section class="item-pane">
          {item ? (
            <>
              <div class="item-meta">
                Item {item.external_id ?? item.id}
                {item.suggestion && (
                  <span class="badge" data-testid="span-suggestion">
                    suggested by {item.suggestion.author}: Enter accepts, edit to correct
                  </span>
                )}
              </div>
              <div class="item-text span-text" data-testid="item-text" data-item-id={item.id} onMouseUp={onMouseUp}>
                {segments(item.text, tokens).map((seg) => {
                  const covering = spanCovering(spans, seg.start, seg.end);
                  const inner = seg.token !== undefined && covering && covering.start <= seg.start && covering.end >= seg.end;
                  const last = inner && covering.end === seg.end;
                  const selected = seg.start >= selStart && seg.end <= selEnd && selStart >= 0;
                  const gapInSpan = seg.token === undefined && covering !== undefined;
                  return (
                    <span
                      key={seg.start}
                      data-start={seg.start}
                      data-token={seg.token}
                      class={`${seg.token !== undefined ? 'tok' : 'gap'}${selected ? ' sel' : ''}${covering?.suggested ? ' suggested' : ''}${selection && seg.token === selection.cursor ? ' cursor' : ''}`}
                      style={inner || gapInSpan ? { background: colorOf.get(covering!.label_id) } : undefined}
                    >
                      {item.text.slice(seg.start, seg.end)}
                      {last && <sup class="span-label">{nameOf(covering.label_id)}</sup>}
                    </span>
                  );
                })}
              </div>
              <ul class="span-list" data-testid="span-list">
                {spans.map((s) => (
                  <li key={`${s.start}-${s.end}-${s.label_id}`} data-testid="span" class={s.suggested ? 'suggested' : ''}>
                    <span class="swatch" style={{ background: colorOf.get(s.label_id) }} aria-hidden="true" />
                    <strong>{nameOf(s.label_id)}</strong> “{item.text.slice(s.start, s.end)}”{' '}
                    <span class="muted">
                      {s.start}–{s.end}
                    </span>
                    <button class="link" onClick={() => setSpans((all) => all.filter((x) => x !== s))} aria-label={`delete ${item.text.slice(s.start, s.end)}`}>
                      delete
                    </button>
                  </li>
                ))}
                {spans.length === 0 && <li class="muted">No spans: Enter submits “no entities”.</li>}
              </ul>
            </>
          ) : (
            <div class="item-empty" data-testid="queue-state">
              {loading || !labelsLoaded ? 'Loading… (waiting for the server)' : 'Nothing left to label in this project. Thank you!'}
            </div>
          )}
        </section>
        <aside class="labels-pane">
          <ul class="label-list">
            {labels.map((l) => (
              <li key={l.id}>
                <button class="label-button" disabled={!selection} onClick={() => label(l)} data-testid="span-label-button">
                  <span class="swatch" style={{ background: colorOf.get(l.id) }} aria-hidden="true" />
                  {l.name} {keyOf.get(l.id) && <kbd>{keyOf.get(l.id)}</kbd>}
                </button>
              </li>
            ))}
          </ul>
          <button class="primary" onClick={submit} data-testid="submit-spans">
            Submit <kbd>Enter</kbd>
          </button>
        </aside>
      </div>
    </div>
  );
}
