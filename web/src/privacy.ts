/** The personal-data masking page's logic: detector names, the word list as typed, preview segments and report bars. */
import type { CountBar } from './counts';

/** The built-in detectors, in the server's wire order, with what each finds. */
export const DETECTORS = [
  { name: 'email', title: 'E-mail addresses', example: 'ada@example.org' },
  { name: 'phone', title: 'Phone numbers', example: '+44 20 7946 0958' },
  { name: 'iban', title: 'IBANs (check digits verified)', example: 'DE89 3704 0044 0532 0130 00' },
  { name: 'card', title: 'Card numbers (Luhn checked)', example: '4111 1111 1111 1111' },
  { name: 'ip', title: 'IP addresses (v4 and v6)', example: '192.168.10.1' },
] as const;

/** The tag a mask shows per kind (tag style; text-spans projects keep the length with '█' instead). */
export const TAGS: Readonly<Record<string, string>> = {
  email: '[EMAIL]',
  phone: '[PHONE]',
  iban: '[IBAN]',
  card: '[CARD]',
  ip: '[IP]',
  custom: '[PII]',
};

/** The word list as the textarea holds it (one per line, or comma-separated) to the list the server takes. */
export function parseWords(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const word = raw.trim();
    if (word && !seen.has(word.toLowerCase())) {
      seen.add(word.toLowerCase());
      words.push(word);
    }
  }
  return words;
}

export interface Detection {
  kind: string;
  start: number;
  end: number;
}

/** A run of the previewed text: plain, or one detection (with its kind). */
export interface Segment {
  text: string;
  kind?: string;
}

/** Splits the text at the detections (sorted, not overlapping, UTF-16 offsets as the server sends them). */
export function segments(text: string, detections: readonly Detection[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const d of [...detections].sort((a, b) => a.start - b.start)) {
    const start = Math.max(d.start, at);
    const end = Math.min(d.end, text.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start) });
    out.push({ text: text.slice(start, end), kind: d.kind });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** Detections per kind, in detector order (custom last), for the preview's summary line. */
export function countKinds(detections: readonly Detection[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const d of detections) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  const order = [...DETECTORS.map((d) => d.name as string), 'custom'];
  return [...counts].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
}

/** The report's totals as chart bars, scaled to the largest, every kind shown (zeros too, so nothing looks missing). */
export function totalBars(totals: Readonly<Record<string, number>>): CountBar[] {
  const order = [...DETECTORS.map((d) => d.name as string), 'custom'];
  const rows = order.map((kind) => ({ kind, count: totals[kind] ?? 0 }));
  const top = Math.max(0, ...rows.map((r) => r.count));
  return rows.map((r) => ({ key: r.kind, name: TAGS[r.kind] ?? r.kind, count: r.count, fraction: top === 0 ? 0 : r.count / top }));
}
