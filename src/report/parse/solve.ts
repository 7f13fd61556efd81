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
  let i = from;
  if (spec.signed && i < limit && (text[i] === '+' || text[i] === '-')) i++;
  if (i >= limit || !isDigit(text.charCodeAt(i))) return out;
  if (text[i] === '0') take(out, text, from, ++i);
  else while (i < limit && isDigit(text.charCodeAt(i))) take(out, text, from, ++i);
  if (!spec.decimal || i + 1 >= limit || text[i] !== '.') return out;
  for (i++; i < limit && isDigit(text.charCodeAt(i)); ) take(out, text, from, ++i);
  return out;
}

function take(out: Prefix[], text: string, from: number, end: number): void {
  out.push({ value: Number(text.slice(from, end)), length: end - from });
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

/**
 * The structural readings of a row (no constraints), by depth-first search. A class rather than
 * closures: the search runs for every row of every report, and its methods are made once.
 */
class RowSearch {
  readonly solutions: Slot[][] = [];
  truncated = false;
  steps = 0;
  private readonly chunks: readonly Chunk[];
  private readonly cells: readonly CellSpec[];
  private readonly lines: boolean;
  private readonly n: number;
  /** The reading so far is `acc[0, depth)`; the rest is scratch, so no push/pop per step. */
  private readonly acc: Slot[];
  private depth = 0;
  /**
   * The search reads the same remainder of a chunk again and again: read each one once per
   * spec, keyed by offset and spec as one number (cheaper than building a string key each step).
   */
  private readonly prefixCache: Map<number, Prefix[]>[];
  /** A `lines` chunk is one number read as any cell: parsed once per cell spec. */
  private readonly chunkValues: (number | undefined)[][] = [];

  constructor(chunks: readonly Chunk[], cells: readonly CellSpec[], layout: Layout) {
    this.chunks = chunks;
    this.cells = cells;
    this.lines = layout === 'lines';
    this.n = cells.length;
    this.acc = new Array<Slot>(cells.length).fill('blank');
    this.prefixCache = chunks.map(() => new Map<number, Prefix[]>());
  }

  get exhausted(): boolean {
    return this.steps > maxSearchSteps;
  }

  place(chunkIndex: number): void {
    if (this.solutions.length >= maxSolutions) {
      this.truncated = true;
      return;
    }
    if (++this.steps > maxSearchSteps) return;
    const { acc, n } = this;
    if (chunkIndex === this.chunks.length) {
      if (this.depth === n) this.solutions.push(acc.slice());
      else if (this.lines) {
        for (let i = this.depth; i < n; i++) acc[i] = 'blank';
        this.solutions.push(acc.slice());
      }
      return;
    }
    if (this.depth >= n) return;
    const chunk = this.chunks[chunkIndex];
    if (chunk.kind !== 'text') {
      acc[this.depth++] = chunk.kind;
      this.place(chunkIndex + 1);
      this.depth--;
      return;
    }
    if (this.lines) this.placeRun(chunkIndex, chunk.text);
    else this.split(chunkIndex, chunk.text, 0);
  }

  /** Splits `text` from offset `from` into cells. */
  private split(chunkIndex: number, text: string, from: number): void {
    if (++this.steps > maxSearchSteps) return;
    if (from === text.length) {
      this.place(chunkIndex + 1);
      return;
    }
    if (this.depth >= this.n) return;
    for (const p of this.prefixes(chunkIndex, text, from, this.cells[this.depth])) {
      this.acc[this.depth++] = p.value;
      this.split(chunkIndex, text, from + p.length);
      this.depth--;
    }
  }

  private prefixes(chunkIndex: number, text: string, from: number, spec: CellSpec): Prefix[] {
    const id = from * 4 + specIndex(spec);
    const cache = this.prefixCache[chunkIndex];
    let out = cache.get(id);
    if (!out) {
      out = prefixes(text, from, spec);
      cache.set(id, out);
    }
    return out;
  }

  /** Places a `lines` chunk as a run of equal cells after a gap of blank ones. */
  private placeRun(chunkIndex: number, text: string): void {
    const { acc, n } = this;
    this.chunkValues[chunkIndex] ??= this.cells.map((spec) => parseSingle(text, spec));
    const values = this.chunkValues[chunkIndex];
    const start = this.depth;
    for (let gap = 0; start + gap < n; gap++) {
      for (let i = 0; i < gap; i++) acc[start + i] = 'blank';
      for (let run = 1; start + gap + run <= n; run++) {
        // A run that covers a cell this chunk cannot fill fails, and so does every longer one.
        const value = values[start + gap + run - 1];
        if (value === undefined) break;
        acc[start + gap + run - 1] = value;
        this.depth = start + gap + run;
        this.place(chunkIndex + 1);
      }
    }
    this.depth = start;
  }
}

/** Enumerate structural readings of a row (no constraints). */
function enumerate(chunks: readonly Chunk[], cells: readonly CellSpec[], layout: Layout) {
  const search = new RowSearch(chunks, cells, layout);
  search.place(0);
  return { solutions: search.solutions, truncated: search.truncated, exhausted: search.exhausted };
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

/**
 * The value of each cell over a set of readings: certain when all agree, else uncertain. A cell
 * whose readings are only 0 and blank (a collapsed run) is 0, and its index goes to `zeroOrBlank`.
 */
export function cellValues(
  solutions: readonly Slot[][],
  n: number,
  raw?: string,
  zeroOrBlank?: number[],
): CellValue[] {
  const out: CellValue[] = [];
  for (let i = 0; i < n; i++) {
    const first = solutions[0]?.[i];
    let agree = solutions.length > 0;
    for (let k = 1; agree && k < solutions.length; k++) agree = solutions[k][i] === first;
    if (agree) {
      out.push(first);
      continue;
    }
    const slots = distinctSlots(solutions, i);
    if (zeroOrBlank && onlyZeroOrBlank(slots)) {
      out.push(0);
      zeroOrBlank.push(i);
      continue;
    }
    out.push(uncertain(slots.map(numeric), raw));
  }
  return out;
}

function onlyZeroOrBlank(slots: readonly Slot[]): boolean {
  for (const slot of slots) if (slot !== 0 && slot !== 'blank') return false;
  return true;
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
