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

/**
 * The id (as text) of the label a person typed by name or path, ignoring case, as the server resolves it; names
 * win over paths. Sending the id keeps names with '/' out of URL paths. Unknown text is sent as typed, so the
 * server answers with its own error.
 */
export function labelRef(labels: LabelInfo[], typed: string): string {
  const text = typed.trim();
  const live = labels.filter((l) => l.status !== 'merged' && l.status !== 'split');
  const lower = text.toLowerCase();
  const path = joinEscaped(
    splitEscaped(text, '/').map((s) => s.trim()),
    '/',
  ).toLowerCase();
  const found = live.find((l) => l.name.toLowerCase() === lower) ?? live.find((l) => l.path.toLowerCase() === path);
  return found ? String(found.id) : text;
}

/** A label's path for people to read: its levels' names joined by ' › ', so a '/' inside a name reads as written. */
export function displayPath(label: Pick<LabelInfo, 'path'>): string {
  return splitEscaped(label.path, '/').join(' › ');
}
