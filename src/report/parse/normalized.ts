/**
 * A normalised view of a text (no whitespace, half-width forms, see `normalizeLabel`) that keeps
 * the offset of every character in the original, so that labels can be found in the normalised
 * text and the values between them read from the original.
 */
import { normalizeCode, normalizeLabel } from '../formats/normalize.ts';

export interface NormalizedText {
  original: string;
  text: string;
  /** `offsets[i]` = index in `original` of normalised char i; one extra entry for the end. */
  offsets: Int32Array;
}

/** `normalizeLabel(original)` with offsets, in one pass: the code units go to a buffer read as UTF-16. */
export function normalizeWithOffsets(original: string): NormalizedText {
  const n = original.length;
  const offsets = new Int32Array(n + 1);
  const codes = new Uint16Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const to = normalizeCode(original.charCodeAt(i));
    if (to < 0) continue;
    codes[count] = to;
    offsets[count++] = i;
  }
  offsets[count] = n;
  const text = Buffer.from(codes.buffer, 0, count * 2).toString('utf16le');
  return { original, text, offsets: offsets.subarray(0, count + 1) };
}

export interface Match {
  /** Start and end in the original text. */
  start: number;
  end: number;
  /** Start in the normalised text. */
  at: number;
}

/** The earliest occurrence, at or after original offset `from`, of any of the labels. */
export function findLabel(
  nt: NormalizedText,
  labels: readonly string[],
  from = 0,
  before = nt.original.length,
): Match | undefined {
  return findNeedle(nt, labels.map(normalizeLabel), from, before);
}

/**
 * `findLabel` for labels already normalised (`normalizeLabel`): label lists that are searched
 * for in every report are normalised once. Ties go to the longer label, then the earlier one.
 */
export function findNeedle(
  nt: NormalizedText,
  needles: readonly string[],
  from = 0,
  before = nt.original.length,
): Match | undefined {
  const startAt = lowerBound(nt.offsets, from);
  let bestAt = -1;
  let bestLength = 0;
  for (const needle of needles) {
    if (!needle) continue;
    const at = nt.text.indexOf(needle, startAt);
    if (at < 0 || nt.offsets[at] >= before) continue;
    if (bestAt < 0 || at < bestAt || (at === bestAt && needle.length > bestLength)) {
      bestAt = at;
      bestLength = needle.length;
    }
  }
  if (bestAt < 0) return undefined;
  return {
    start: nt.offsets[bestAt],
    end: closingEnd(nt.original, nt.offsets[bestAt + bestLength - 1] + 1),
    at: bestAt,
  };
}

/**
 * Closing quotes and the like vanish in the normalised text but belong to the label, also when a
 * crawler put them on a line of their own (`危及\n“\n三安全一稳定\n”`).
 */
function closingEnd(original: string, end: number): number {
  let at = end;
  for (;;) {
    let next = at;
    while (next < original.length && (original[next] === ' ' || original[next] === '\n')) next++;
    if (next >= original.length || !closing.has(original[next])) return at;
    at = next + 1;
  }
}

const closing = new Set(['”', '’', '"', "'", '」', '』']);

/** First index of the sorted `values` that is >= `target`. */
export function lowerBound(values: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
