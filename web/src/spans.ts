/**
 * Span editing on the annotate page of a text-spans project, as plain functions over the item's tokens (UTF-16
 * [start, end) offsets from the server, the tokenizer spans snap to) and the spans being edited.
 */

export interface EditSpan {
  start: number;
  end: number;
  label_id: number;
  /** Came from the item's suggestion (a model, labeling functions or an import) and is not changed yet. */
  suggested?: boolean;
}

export type Token = readonly number[];

/** A token selection: the anchor stays where it began, the cursor moves; both are token indices. */
export interface TokenSelection {
  anchor: number;
  cursor: number;
}

/** The character range a selection covers, from the first token's start to the last token's end. */
export function selectionRange(tokens: Token[], sel: TokenSelection): [number, number] {
  const first = Math.min(sel.anchor, sel.cursor);
  const last = Math.max(sel.anchor, sel.cursor);
  return [tokens[first][0], tokens[last][1]];
}

/** Moves the cursor one token left or right; with `extend` the anchor stays, so the selection grows or shrinks. */
export function moveSelection(sel: TokenSelection | null, step: -1 | 1, extend: boolean, tokenCount: number): TokenSelection | null {
  if (tokenCount === 0) return null;
  if (!sel) return { anchor: 0, cursor: 0 };
  const cursor = Math.max(0, Math.min(tokenCount - 1, sel.cursor + step));
  return extend ? { anchor: sel.anchor, cursor } : { anchor: cursor, cursor };
}

/**
 * The token-aligned selection covering the characters [start, end) (a mouse selection): every token the range
 * touches, so a drag that starts or ends inside a word takes the whole word. Null when it holds no token.
 */
export function snapToTokens(tokens: Token[], start: number, end: number): TokenSelection | null {
  let first = -1;
  let last = -1;
  tokens.forEach(([s, e], i) => {
    if (e > start && s < Math.max(end, start + 1)) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? null : { anchor: first, cursor: last };
}

/** Index of the token holding character `offset`, else the nearest token after it (else the last one). */
export function tokenAt(tokens: Token[], offset: number): number {
  const i = tokens.findIndex(([, e]) => e > offset);
  return i < 0 ? tokens.length - 1 : i;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Adds a span labeled `labelId` over [start, end). A span with exactly that range is relabeled; without
 * `overlapping`, spans the new one overlaps are replaced by it (the way to shorten, lengthen or relabel one).
 */
export function labelRange(spans: EditSpan[], start: number, end: number, labelId: number, overlapping: boolean): EditSpan[] {
  const kept = spans.filter((s) => !(s.start === start && s.end === end) && (overlapping || !overlaps(s, { start, end })));
  return sortSpans([...kept, { start, end, label_id: labelId }]);
}

/** The spans without the ones covering token [start, end) (Delete on the cursor's token). */
export function deleteAt(spans: EditSpan[], start: number, end: number): EditSpan[] {
  return spans.filter((s) => !overlaps(s, { start, end }));
}

/** The innermost span covering [start, end), if any. */
export function spanCovering(spans: EditSpan[], start: number, end: number): EditSpan | undefined {
  return spans.filter((s) => s.start <= start && s.end >= end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

export function sortSpans(spans: EditSpan[]): EditSpan[] {
  return [...spans].sort((a, b) => a.start - b.start || a.end - b.end || a.label_id - b.label_id);
}

/** What is submitted: offsets and label ids, nothing of the editing state. */
export function toSubmission(spans: EditSpan[]): { start: number; end: number; label_id: number }[] {
  return sortSpans(spans).map(({ start, end, label_id }) => ({ start, end, label_id }));
}

/** A piece of the text to render: a token (with its index) or the characters between tokens. */
export interface Segment {
  start: number;
  end: number;
  token?: number;
}

/** The text cut into tokens and the gaps between them, covering every character once, in order. */
export function segments(text: string, tokens: Token[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  tokens.forEach(([s, e], i) => {
    if (s > at) out.push({ start: at, end: s });
    out.push({ start: s, end: e, token: i });
    at = e;
  });
  if (at < text.length) out.push({ start: at, end: text.length });
  return out;
}
