/** Text-editing helpers of the LF page's YAML editor: lines, offsets, indentation and error placement. */

export interface Placed {
  line: number;
  column: number;
}

/** 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(offset, text.length); i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Character offset of a 1-based line and column, clamped to the text. */
export function offsetOf(text: string, line: number, column = 1): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  const lineLength = (end < 0 ? text.length : end) - offset;
  return offset + Math.min(Math.max(column - 1, 0), lineLength);
}

export function lineCount(text: string): number {
  return lineOfOffset(text, text.length);
}

/** Problems grouped by line (problems without a line, or in another file, are left out). */
export function problemsByLine<T extends Placed & { file?: string | null }>(problems: T[]): Map<number, T[]> {
  const byLine = new Map<number, T[]>();
  for (const p of problems) {
    if (p.line <= 0 || p.file) continue;
    byLine.set(p.line, [...(byLine.get(p.line) ?? []), p]);
  }
  return byLine;
}

export interface Edit {
  text: string;
  start: number;
  end: number;
}

const INDENT = '  ';

/**
 * Tab and Shift+Tab in the editor: without a selection Tab inserts two spaces; with one, every selected line is
 * indented (or, with Shift, outdented) by two spaces and the selection grows or shrinks with it.
 */
export function indent(text: string, start: number, end: number, outdent: boolean): Edit {
  if (start === end && !outdent) return { text: text.slice(0, start) + INDENT + text.slice(end), start: start + 2, end: start + 2 };
  const first = text.lastIndexOf('\n', start - 1) + 1;
  const lastEnd = end > start && text[end - 1] === '\n' ? end - 1 : end;
  const lines = text.slice(first, lastEnd).split('\n');
  let delta = 0;
  let firstDelta = 0;
  const changed = lines.map((line, i) => {
    if (!outdent) {
      delta += 2;
      if (i === 0) firstDelta = 2;
      return INDENT + line;
    }
    const remove = line.startsWith(INDENT) ? 2 : line.startsWith(' ') ? 1 : 0;
    delta -= remove;
    if (i === 0) firstDelta = -remove;
    return line.slice(remove);
  });
  const replaced = changed.join('\n');
  const newText = text.slice(0, first) + replaced + text.slice(lastEnd);
  const newStart = Math.max(first, start + firstDelta);
  return { text: newText, start: newStart, end: start === end ? newStart : end + delta };
}
