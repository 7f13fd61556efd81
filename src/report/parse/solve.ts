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

const patterns = new Map<string, RegExp>();

function numberPattern(spec: CellSpec): RegExp {
  const id = `${spec.signed ? 's' : ''}${spec.decimal ? 'd' : ''}`;
  let pattern = patterns.get(id);
  if (!pattern) {
    const sign = spec.signed ? '[+-]?' : '';
    const fraction = spec.decimal ? '(?:\\.\\d+)?' : '';
    pattern = new RegExp(`^${sign}(?:0|[1-9]\\d*)${fraction}$`);
    patterns.set(id, pattern);
  }
  return pattern;
}

function parseSingle(text: string, spec: CellSpec): number | undefined {
  return numberPattern(spec).test(text) ? Number(text) : undefined;
}

interface Prefix {
  value: number;
  length: number;
}

/** All ways to read a prefix of `text.slice(from)` as one number of the given cell. */
function prefixes(text: string, from: number, spec: CellSpec): Prefix[] {
  const out: Prefix[] = [];
  const pattern = numberPattern(spec);
  // No cell holds a number of more than 24 characters; longer prefixes only cost time.
  for (let length = 1; length <= Math.min(text.length - from, 24); length++) {
    const piece = text.slice(from, from + length);
    if (pattern.test(piece) && !piece.endsWith('.')) out.push({ value: Number(piece), length });
  }
  return out;
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
  return constraints.every((c) => {
    const target = slots[c.target];
    if (target === 'slash' || (target === 'blank' && !blankIsZero)) return true;
    const sum = c.parts.reduce((acc, i) => acc + numeric(slots[i]), 0);
    return Math.abs(numeric(target) - sum) < 1e-9;
  });
}

/** Enumerate structural readings of a row (no constraints). */
function enumerate(chunks: readonly Chunk[], cells: readonly CellSpec[], layout: Layout) {
  const n = cells.length;
  const solutions: Slot[][] = [];
  let truncated = false;
  let steps = 0;
  const acc: Slot[] = [];
  // The search reads the same remainder of a chunk again and again: read each one once per
  // spec, keyed by offset and spec as one number (cheaper than building a string key each step).
  const prefixCache = chunks.map(() => new Map<number, Prefix[]>());
  const cachedPrefixes = (chunkIndex: number, text: string, from: number, spec: CellSpec) => {
    const id = from * 4 + (spec.signed ? 2 : 0) + (spec.decimal ? 1 : 0);
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
    const cell = acc.length;
    if (chunkIndex === chunks.length) {
      if (cell === n) solutions.push([...acc]);
      else if (layout === 'lines') solutions.push([...acc, ...Array(n - cell).fill('blank')]);
      return;
    }
    if (cell >= n) return;
    const chunk = chunks[chunkIndex];
    if (chunk.kind !== 'text') {
      acc.push(chunk.kind);
      place(chunkIndex + 1);
      acc.pop();
      return;
    }
    if (layout === 'lines') placeRun(chunkIndex, chunk.text);
    else split(chunkIndex, chunk.text, 0);
  };

  /** Splits `text` from offset `from` into cells. */
  const split = (chunkIndex: number, text: string, from: number): void => {
    if (++steps > maxSearchSteps) return;
    const cell = acc.length;
    if (from === text.length) {
      place(chunkIndex + 1);
      return;
    }
    if (cell >= n) return;
    for (const p of cachedPrefixes(chunkIndex, text, from, cells[cell])) {
      acc.push(p.value);
      split(chunkIndex, text, from + p.length);
      acc.pop();
    }
  };

  // A `lines` chunk is one number read as any cell: parse it once per cell spec.
  const chunkValues: (number | undefined)[][] = [];
  const placeRun = (chunkIndex: number, text: string): void => {
    chunkValues[chunkIndex] ??= cells.map((spec) => parseSingle(text, spec));
    const values = chunkValues[chunkIndex];
    const start = acc.length;
    for (let gap = 0; start + gap < n; gap++) {
      for (let run = 1; start + gap + run <= n; run++) {
        let ok = true;
        for (let i = 0; i < run; i++) if (values[start + gap + i] === undefined) ok = false;
        if (!ok) continue;
        for (let i = 0; i < gap; i++) acc.push('blank');
        for (let i = 0; i < run; i++) acc.push(values[start + gap + i] as number);
        place(chunkIndex + 1);
        acc.length = start;
      }
    }
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
      const value = parseSingle(chunk.text, { ...cells[i], signed: true, decimal: true });
      if (value === undefined) return undefined;
      out.push(value);
    }
  }
  return out;
}

/** The value of each cell over a set of readings: certain when all agree, else uncertain. */
export function cellValues(solutions: readonly Slot[][], n: number, raw?: string): CellValue[] {
  const out: CellValue[] = [];
  for (let i = 0; i < n; i++) {
    const first = solutions[0]?.[i];
    if (solutions.length > 0 && solutions.every((s) => s[i] === first)) {
      out.push(first);
      continue;
    }
    const seen = new Set(solutions.map((s) => s[i]));
    out.push(uncertain([...seen].map(numeric).slice(0, 50), raw));
  }
  return out;
}
