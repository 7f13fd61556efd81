/** Cutting the value text that follows a row label into chunks (see solve.ts). */

import type { TextLayout } from './layout.ts';
import type { Chunk } from './solve.ts';

const cjk = /[\u3400-\u9fff（(#]/;
const unitPattern = /^(.*?)(万元|万|元)$/;
const slashes = new Set(['/', '／', '-', '—', '－', '–', '\\']);

/** The raw value text after `from`: up to the next label (first CJK char) or, in tab layout, a blank line. */
export function valueText(text: string, from: number, layout: TextLayout): string {
  let end = from;
  while (end < text.length) {
    const ch = text[end];
    if (cjk.test(ch) && ch !== '元' && ch !== '万') break;
    if (
      layout === 'tab' &&
      ch === '\n' &&
      text[end + 1] === '\n' &&
      /\S/.test(text.slice(from, end))
    )
      break;
    end++;
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
  if (nextNumber) text = text.replace(new RegExp(`${nextNumber}\\s*[.．、]\\s*$`), '');
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
    const unit = unitPattern.exec(piece);
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
