/**
 * `normalizeWithOffsets` with a per-character cache: the same NormalizedText (it normalises one
 * character at a time with `normalizeLabel`), several times faster on long report texts.
 */
import { normalizeLabel } from '../formats/normalize.ts';
import type { NormalizedText } from './normalized.ts';

const cache = new Map<string, string>();

function normalizeChar(ch: string): string {
  let out = cache.get(ch);
  if (out === undefined) {
    out = normalizeLabel(ch);
    if (cache.size < 65_536) cache.set(ch, out);
  }
  return out;
}

export function normalizeText(original: string): NormalizedText {
  const parts: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const piece = normalizeChar(original[i]);
    for (const ch of piece) {
      parts.push(ch);
      offsets.push(i);
    }
  }
  offsets.push(original.length);
  return { original, text: parts.join(''), offsets };
}
