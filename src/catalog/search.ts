/** Search query handling: terms, LIKE patterns and highlighting (pure). */

/** The query split into at most 5 lower-cased terms of at most 40 characters. */
export function searchTerms(query: string): string[] {
  return [
    ...new Set(
      query
        .toLowerCase()
        .split(/[\s\u3000,，;；]+/)
        .map((t) => t.slice(0, 40))
        .filter((t) => t !== ''),
    ),
  ].slice(0, 5);
}

/** `%term%` with LIKE's own characters escaped (backslash is the default escape). */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type Highlighted = { text: string; hit: boolean }[];

/** Splits text into runs, marking every occurrence of any term (case-insensitive). */
export function highlight(text: string, terms: string[]): Highlighted {
  if (terms.length === 0) return [{ text, hit: false }];
  const lower = text.toLowerCase();
  const runs: Highlighted = [];
  let at = 0;
  while (at < text.length) {
    let best = -1;
    let len = 0;
    for (const t of terms) {
      const i = lower.indexOf(t, at);
      if (i !== -1 && (best === -1 || i < best || (i === best && t.length > len))) {
        best = i;
        len = t.length;
      }
    }
    if (best === -1) break;
    if (best > at) runs.push({ text: text.slice(at, best), hit: false });
    runs.push({ text: text.slice(best, best + len), hit: true });
    at = best + len;
  }
  if (at < text.length) runs.push({ text: text.slice(at), hit: false });
  return runs;
}

/** About `width` characters of text around the first hit, for a result snippet. */
export function snippet(text: string, terms: string[], width = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const first = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0));
  if (!Number.isFinite(first)) return flat.slice(0, width);
  const start = Math.max(0, first - Math.floor(width / 3));
  return `${start > 0 ? '…' : ''}${flat.slice(start, start + width)}${start + width < flat.length ? '…' : ''}`;
}
