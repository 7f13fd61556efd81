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
  offsets: number[];
}

export function normalizeWithOffsets(original: string): NormalizedText {
  const offsets: number[] = [];
  for (let i = 0; i < original.length; i++)
    if (normalizeCode(original.charCodeAt(i)) >= 0) offsets.push(i);
  offsets.push(original.length);
  return { original, text: normalizeLabel(original), offsets };
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
  const startAt = lowerBound(nt.offsets, from);
  let best: { at: number; length: number } | undefined;
  for (const label of labels) {
    const needle = normalizeLabel(label);
    if (!needle) continue;
    const at = nt.text.indexOf(needle, startAt);
    if (at < 0 || nt.offsets[at] >= before) continue;
    if (!best || at < best.at || (at === best.at && needle.length > best.length))
      best = { at, length: needle.length };
  }
  if (!best) return undefined;
  let end = nt.offsets[best.at + best.length - 1] + 1;
  // Closing quotes and the like vanish in the normalised text but belong to the label.
  while (end < nt.original.length && /[”’"'」』]/.test(nt.original[end])) end++;
  return { start: nt.offsets[best.at], end, at: best.at };
}

function lowerBound(values: number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
