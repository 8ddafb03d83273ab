import type { LabelInfo } from './api';

/**
 * The label path and list syntax of the server (Core/Taxonomy/LabelPath): a label's name is free text; in a
 * list a comma separates names, in a path a '/' separates levels, and a backslash makes the next separator or
 * backslash literal (`\,` `\/` `\\`). A backslash before any other character is kept as written.
 */
const ESCAPE = '\\';

/** Splits `text` on unescaped `separator`s and removes the escapes of the separator and of backslashes. */
export function splitEscaped(text: string, separator: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ESCAPE && i + 1 < text.length && (text[i + 1] === separator || text[i + 1] === ESCAPE)) current += text[++i];
    else if (c === separator) {
      items.push(current);
      current = '';
    } else current += c;
  }
  items.push(current);
  return items;
}

/** Joins names with `separator`, escaping it and every backslash in each name. */
export function joinEscaped(names: string[], separator: string): string {
  return names
    .map((n) =>
      n
        .replace(/\\/g, '\\\\')
        .split(separator)
        .join(ESCAPE + separator),
    )
    .join(separator);
}

/** A typed list of label names ("World, Sports, Sci/Tech, Health\, Fitness"): trimmed, empty items dropped. */
export function splitLabelList(text: string): string[] {
  return splitEscaped(text, ',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What a typed text means (see Core/Taxonomy/LabelLookup): one label, several (ambiguous), or none. */
export type LabelMatch = { label: LabelInfo } | { candidates: LabelInfo[] } | null;

const isLive = (l: LabelInfo) => l.status !== 'merged' && l.status !== 'split';

/** The levels of a path, escapes removed, each trimmed; a leading '/' (a path from the top) is dropped. */
function pathLevels(text: string): string[] {
  const levels = splitEscaped(text, '/').map((s) => s.trim());
  if (levels.length > 1 && levels[0] === '' && text.trimStart().startsWith('/')) levels.shift();
  return levels;
}

/**
 * Reads a typed label text as the server does, ignoring case: the whole text as a name first (one label: it; several:
 * ambiguous, a name shared under different parents), then as a path ("Animals/Other", "/Other" for the top-level one).
 */
export function matchLabel(labels: LabelInfo[], typed: string): LabelMatch {
  const text = typed.trim();
  const lower = text.toLowerCase();
  const live = labels.filter(isLive);
  const byPath = () => {
    if (!/[/\\]/.test(text)) return [];
    const levels = pathLevels(text);
    if (levels.some((l) => l === '')) return [];
    const path = joinEscaped(levels, '/').toLowerCase();
    return live.filter((l) => l.path.toLowerCase() === path);
  };
  const named = live.filter((l) => l.name.toLowerCase() === lower);
  if (named.length === 1) return { label: named[0] };
  if (named.length > 1) return { candidates: [...named, ...byPath().filter((l) => !named.includes(l))] };
  const paths = byPath();
  return paths.length === 1 ? { label: paths[0] } : paths.length > 1 ? { candidates: paths } : null;
}

/** The label a text names, or undefined when it names none or several. */
export function findLabel(labels: LabelInfo[], typed: string): LabelInfo | undefined {
  const match = matchLabel(labels, typed);
  return match && 'label' in match ? match.label : undefined;
}

/**
 * The id (as text) of the label a person typed by name or path, ignoring case, as the server resolves it; names
 * win over paths. Sending the id keeps names with '/' out of URL paths. Unknown text, and a bare name several labels
 * share, is sent as typed, so the server answers with its own error (which lists the paths to write).
 */
export function labelRef(labels: LabelInfo[], typed: string): string {
  const found = findLabel(labels, typed);
  return found ? String(found.id) : typed.trim();
}

/** A label text from the server (a name, or a path where names are shared) as people read it: the label's ' › ' path. */
export function displayReference(labels: LabelInfo[], reference: string): string {
  const found = findLabel(labels, reference);
  return found ? displayPath(found) : reference;
}

/** A label's path for people to read: its levels' names joined by ' › ', so a '/' inside a name reads as written. */
export function displayPath(label: Pick<LabelInfo, 'path'>): string {
  return splitEscaped(label.path, '/').join(' › ');
}
