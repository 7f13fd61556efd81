/**
 * Reading the values of one table row from the chunks found after its label, when the text lost
 * cell boundaries:
 * - `fused`: digits of adjacent cells run together (`801000081` for 7 cells);
 * - `lines`: one cell per line, but repeated lines were collapsed into one and empty cells
 *   dropped (`4 / 1 / 0 / 5` for 7 cells).
 * Every reading that fits the row is enumerated; the 勾稽 constraints then narrow them down.
 * A cell is certain only when every remaining reading agrees on it.
 */
import { type CellValue, uncertain } from '../model.ts';

export type Slot = number | 'blank' | 'slash';
export type Layout = 'fused' | 'lines';

export interface CellSpec {
  signed?: boolean;
  decimal?: boolean;
}

/** A piece of text between separators: a number-like string, or an explicit blank/slash cell. */
export type Chunk = { kind: 'text'; text: string } | { kind: 'blank' } | { kind: 'slash' };

/** `cells[target]` must equal the sum of `cells[parts]` (a blank target is not checked). */
export interface Constraint {
  target: number;
  parts: number[];
}

export interface RowReading {
  solutions: Slot[][];
  /** True when no reading satisfies the constraints (the row itself is inconsistent). */
  inconsistent: boolean;
  /** True when there were too many readings to list them all. */
  truncated: boolean;
}

const maxSolutions = 20000;
/**
 * Search steps allowed for one row. Long runs of chunks with few cells make the search tree
 * exponential even when it yields few readings (found by fuzzing: a 7 KB text took seconds);
 * past this the row is left undetermined instead.
 */
export const maxSearchSteps = 200_000;

/** The number pattern of each spec, indexed by `specIndex`. */
const patterns = [false, true].flatMap((signed) =>
  [false, true].map((decimal) => {
    const sign = signed ? '[+-]?' : '';
    const fraction = decimal ? '(?:\\.\\d+)?' : '';
    return new RegExp(`^${sign}(?:0|[1-9]\\d*)${fraction}$`);
  }),
);

function specIndex(spec: CellSpec): number {
  return (spec.signed ? 2 : 0) + (spec.decimal ? 1 : 0);
}

function numberPattern(spec: CellSpec): RegExp {
  return patterns[specIndex(spec)];
}

/** The pattern `literalReading` reads a chunk with: any cell, signed and decimal. */
const literalPattern = patterns[3];

function parseSingle(text: string, spec: CellSpec): number | undefined {
  return numberPattern(spec).test(text) ? Number(text) : undefined;
}

interface Prefix {
  value: number;
  length: number;
}

/**
 * All ways to read a prefix of `text.slice(from)` as one number of the given cell, shortest
 * first: the prefixes that `numberPattern(spec)` matches, found in one scan. No cell holds a
 * number of more than 24 characters; longer prefixes only cost time.
 */
function prefixes(text: string, from: number, spec: CellSpec): Prefix[] {
  const out: Prefix[] = [];
  const limit = Math.min(text.length, from + 24);
  const take = (end: number) => {
    const length = end - from;
    out.push({ value: Number(text.slice(from, end)), length });
  };
  let i = from;
  if (spec.signed && i < limit && (text[i] === '+' || text[i] === '-')) i++;
  if (i >= limit || !isDigit(text.charCodeAt(i))) return out;
  if (text[i] === '0') take(++i);
  else while (i < limit && isDigit(text.charCodeAt(i))) take(++i);
  if (!spec.decimal || i + 1 >= limit || text[i] !== '.') return out;
  for (i++; i < limit && isDigit(text.charCodeAt(i)); ) take(++i);
  return out;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function numeric(slot: Slot): number {
  return typeof slot === 'number' ? slot : 0;
}

/**
 * True when every constraint holds. A blank target counts as "not filled" (skipped) unless
 * `blankIsZero`, used for cells that a `lines` reading dropped, which are 0 or blank.
 */
export function satisfies(
  slots: Slot[],
  constraints: readonly Constraint[],
  blankIsZero = false,
): boolean {
  for (const c of constraints) {
    const target = slots[c.target];
    if (target === 'slash' || (target === 'blank' && !blankIsZero)) continue;
    let sum = 0;
    for (const i of c.parts) sum += numeric(slots[i]);
    if (!(Math.abs(numeric(target) - sum) < 1e-9)) return false;
  }
  return true;
}

/** Enumerate structural readings of a row (no constraints). */
function enumerate(chunks: readonly Chunk[], cells: readonly CellSpec[], layout: Layout) {
  const n = cells.length;
  const solutions: Slot[][] = [];
  let truncated = false;
  let steps = 0;
  // The reading so far is `acc[0, depth)`; the rest is scratch, so no push/pop per step.
  const acc = new Array<Slot>(n).fill('blank');
  let depth = 0;
  // The search reads the same remainder of a chunk again and again: read each one once per
  // spec, keyed by offset and spec as one number (cheaper than building a string key each step).
  const prefixCache = chunks.map(() => new Map<number, Prefix[]>());
  const cachedPrefixes = (chunkIndex: number, text: string, from: number, spec: CellSpec) => {
    const id = from * 4 + specIndex(spec);
    let out = prefixCache[chunkIndex].get(id);
    if (!out) {
      out = prefixes(text, from, spec);
      prefixCache[chunkIndex].set(id, out);
    }
    return out;
  };

  const place = (chunkIndex: number): void => {
    if (solutions.length >= maxSolutions) {
      truncated = true;
      return;
    }
    if (++steps > maxSearchSteps) return;
    if (chunkIndex === chunks.length) {
      if (depth === n) solutions.push(acc.slice());
      else if (layout === 'lines') {
        for (let i = depth; i < n; i++) acc[i] = 'blank';
        solutions.push(acc.slice());
      }
      return;
    }
    if (depth >= n) return;
    const chunk = chunks[chunkIndex];
    if (chunk.kind !== 'text') {
      acc[depth++] = chunk.kind;
      place(chunkIndex + 1);
      depth--;
      return;
    }
    if (layout === 'lines') placeRun(chunkIndex, chunk.text);
    else split(chunkIndex, chunk.text, 0);
  };

  /** Splits `text` from offset `from` into cells. */
  const split = (chunkIndex: number, text: string, from: number): void => {
    if (++steps > maxSearchSteps) return;
    if (from === text.length) {
      place(chunkIndex + 1);
      return;
    }
    if (depth >= n) return;
    for (const p of cachedPrefixes(chunkIndex, text, from, cells[depth])) {
      acc[depth++] = p.value;
      split(chunkIndex, text, from + p.length);
      depth--;
    }
  };

  // A `lines` chunk is one number read as any cell: parse it once per cell spec.
  const chunkValues: (number | undefined)[][] = [];
  /** Places a chunk as a run of equal cells after a gap of blank ones. */
  const placeRun = (chunkIndex: number, text: string): void => {
    chunkValues[chunkIndex] ??= cells.map((spec) => parseSingle(text, spec));
    const values = chunkValues[chunkIndex];
    const start = depth;
    for (let gap = 0; start + gap < n; gap++) {
      for (let i = 0; i < gap; i++) acc[start + i] = 'blank';
      for (let run = 1; start + gap + run <= n; run++) {
        // A run that covers a cell this chunk cannot fill fails, and so does every longer one.
        const value = values[start + gap + run - 1];
        if (value === undefined) break;
        acc[start + gap + run - 1] = value;
        depth = start + gap + run;
        place(chunkIndex + 1);
      }
    }
    depth = start;
  };

  place(0);
  return { solutions, truncated, exhausted: steps > maxSearchSteps };
}

/** Read one row: literal when the chunk count matches the cell count, otherwise enumerate. */
export function readRow(
  chunks: readonly Chunk[],
  cells: readonly CellSpec[],
  layout: Layout,
  constraints: readonly Constraint[],
): RowReading {
  const literal = literalReading(chunks, cells);
  if (literal) return { solutions: [literal], inconsistent: false, truncated: false };
  const { solutions, truncated, exhausted } = enumerate(chunks, cells, layout);
  // A search cut short proves nothing: no reading, so every cell stays undetermined.
  if (exhausted) return { solutions: [], inconsistent: false, truncated: true };
  const fitting = solutions.filter((s) => satisfies(s, constraints, layout === 'lines'));
  if (fitting.length > 0 || solutions.length === 0)
    return { solutions: fitting, inconsistent: false, truncated };
  return { solutions, inconsistent: true, truncated };
}

function literalReading(chunks: readonly Chunk[], cells: readonly CellSpec[]): Slot[] | undefined {
  if (chunks.length !== cells.length) return undefined;
  const out: Slot[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    if (chunk.kind !== 'text') out.push(chunk.kind);
    else {
      if (!literalPattern.test(chunk.text)) return undefined;
      out.push(Number(chunk.text));
    }
  }
  return out;
}

/** The value of each cell over a set of readings: certain when all agree, else uncertain. */
export function cellValues(solutions: readonly Slot[][], n: number, raw?: string): CellValue[] {
  const out: CellValue[] = [];
  for (let i = 0; i < n; i++) {
    const first = solutions[0]?.[i];
    let agree = solutions.length > 0;
    for (let k = 1; agree && k < solutions.length; k++) agree = solutions[k][i] === first;
    if (agree) {
      out.push(first);
      continue;
    }
    out.push(uncertain(distinctSlots(solutions, i).map(numeric), raw));
  }
  return out;
}

/**
 * The first 50 distinct slots of cell `i` in reading order (`uncertain` sorts and dedupes their
 * numbers). Usually there are two or three: a list is faster than a Set until it grows.
 */
function distinctSlots(solutions: readonly Slot[][], i: number): Slot[] {
  const seen: Slot[] = [];
  let many: Set<Slot> | undefined;
  for (const s of solutions) {
    const slot = s[i];
    if (many) {
      if (many.has(slot)) continue;
      many.add(slot);
    } else {
      if (seen.includes(slot)) continue;
      if (seen.length === 16) many = new Set(seen).add(slot);
    }
    if (seen.length < 50) seen.push(slot);
  }
  return seen;
}
