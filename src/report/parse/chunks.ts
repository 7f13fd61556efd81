/** Cutting the value text that follows a row label into chunks (see solve.ts). */

import type { TextLayout } from './layout.ts';
import type { Chunk } from './solve.ts';

const unitPattern = /^(.*?)(万元|万|元)$/;
const slashes = new Set(['/', '／', '-', '—', '－', '–', '\\']);

/** True for the characters that start a label: CJK (but 元 and 万), `（`, `(` and `#`. */
function startsLabel(code: number): boolean {
  if (code >= 0x3400 && code <= 0x9fff) return code !== 0x5143 && code !== 0x4e07;
  return code === 0xff08 || code === 0x28 || code === 0x23;
}

const space = /\s/;

/** The raw value text after `from`: up to the next label (first CJK char) or, in tab layout, a blank line. */
export function valueText(text: string, from: number, layout: TextLayout): string {
  let end = from;
  // Whether `text.slice(from, end)` holds a non-space character yet.
  let filled = false;
  for (; end < text.length; end++) {
    const code = text.charCodeAt(end);
    if (startsLabel(code)) break;
    if (layout !== 'tab') continue;
    if (code === 10 && filled && text.charCodeAt(end + 1) === 10) break;
    if (!filled && !space.test(text[end])) filled = true;
  }
  return text.slice(from, end);
}

export interface Chunks {
  chunks: Chunk[];
  /** Units found in the text (e.g. 元), by chunk index. */
  units: Map<number, string>;
  raw: string;
}

/** Split value text into chunks; `nextNumber` is the next label's numbering (`2` of `2.`), removed. */
export function toChunks(raw: string, layout: TextLayout, nextNumber?: string): Chunks {
  let text = raw;
  if (nextNumber) text = text.replace(numberingAtEnd(nextNumber), '');
  const pieces = layout === 'md' || layout === 'tab' ? cellPieces(text, layout) : words(text);
  const chunks: Chunk[] = [];
  const units = new Map<number, string>();
  for (const piece of pieces) {
    if (piece === '') {
      chunks.push({ kind: 'blank' });
      continue;
    }
    if (slashes.has(piece)) {
      chunks.push({ kind: 'slash' });
      continue;
    }
    const last = piece.charCodeAt(piece.length - 1);
    const unit = last === 0x5143 || last === 0x4e07 ? unitPattern.exec(piece) : null;
    const body = unit ? unit[1] : piece;
    if (unit && body === '' && chunks.length > 0) {
      units.set(chunks.length - 1, unit[2]);
      continue;
    }
    if (!/^[+-]?[\d.]+([+-][\d.]+)*$/.test(body)) break;
    if (unit) units.set(chunks.length, unit[2]);
    chunks.push({ kind: 'text', text: body });
  }
  return { chunks, units, raw: raw.trim() };
}

const numberings = new Map<string, RegExp>();

/** `2.` (or `2．`, `2、`) at the end of a value text: the next label's numbering. */
function numberingAtEnd(number: string): RegExp {
  let pattern = numberings.get(number);
  if (!pattern) {
    pattern = new RegExp(`${number}\\s*[.．、]\\s*$`);
    numberings.set(number, pattern);
  }
  return pattern;
}

function words(text: string): string[] {
  return text
    .replace(/[|,，、;；]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** Tab and markdown layouts mark empty cells, so keep them as blank pieces. */
function cellPieces(text: string, layout: TextLayout): string[] {
  const pieces: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (layout === 'tab') {
      if (i === 0 && line.trim() === '') return;
      if (!line.startsWith('\t') && line.trim() === '') return;
      pieces.push(line.trim());
      return;
    }
    const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
    if (inner.trim() === '' && !line.includes('|')) return;
    if (line.trim() === '|' || line.trim() === '') return;
    for (const cell of inner.split('|')) pieces.push(cell.trim());
  });
  return pieces;
}
