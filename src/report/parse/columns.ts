/**
 * Narrowing T3 row readings with the column rules R1 (新收 + 上年结转 = 总计 + 结转) and R2
 * (总计 = Σ 办理结果), jointly over the rows that are still ambiguous.
 */
import type { FormatVersion, T3RowKey } from '../keys.ts';
import type { Slot } from './solve.ts';

/**
 * Combinations of the ambiguous rows' readings the joint search takes on. Past this it is not
 * started and those rows keep their propagated readings: their cells stay uncertain, with that
 * reason (never a hang). The search checks each equation as soon as its rows are chosen, so it
 * visits fewer than twice this many readings.
 */
export const maxCombinations = 200_000;

interface Equation {
  /** Row index and coefficient. */
  terms: [number, number][];
}

/** The equations of a row order, built once per order (a table's rows found; a handful in practice). */
const built = new Map<string, Equation[]>();

function equations(rowKeys: readonly T3RowKey[]): Equation[] {
  const id = rowKeys.join();
  let eqs = built.get(id);
  if (!eqs) {
    if (built.size >= 64) built.clear();
    eqs = buildEquations(rowKeys);
    built.set(id, eqs);
  }
  return eqs;
}

function buildEquations(rowKeys: readonly T3RowKey[]): Equation[] {
  const at = (k: T3RowKey) => rowKeys.indexOf(k);
  const out: Equation[] = [];
  const r1 = (['new', 'carryIn', 'total', 'carryOut'] as const).map(at);
  if (r1.every((i) => i >= 0))
    out.push({
      terms: [
        [r1[0], 1],
        [r1[1], 1],
        [r1[2], -1],
        [r1[3], -1],
      ],
    });
  const total = at('total');
  const outcomes = rowKeys
    .map((k, i) => [k, i] as const)
    .filter(([k]) => !['new', 'carryIn', 'total', 'carryOut'].includes(k))
    .map(([, i]) => i);
  if (total >= 0 && outcomes.length > 0)
    out.push({ terms: [[total, 1], ...outcomes.map((i) => [i, -1] as [number, number])] });
  return out;
}

function holds(
  eq: Equation,
  chosen: readonly (Slot[] | undefined)[],
  column: number,
  blankIsZero: boolean,
) {
  let sum = 0;
  for (const [row, coefficient] of eq.terms) {
    const slots = chosen[row];
    if (!slots) return true;
    const slot = slots[column];
    if (slot === 'slash' || (slot === 'blank' && !blankIsZero)) return true;
    sum += coefficient * (typeof slot === 'number' ? slot : 0);
  }
  return Math.abs(sum) < 1e-9;
}

/**
 * The least and greatest value each column takes over a row's readings, as `low`/`high` at
 * `row * 7 + column`; NaN when a reading puts no number there (a slash, or a blank not read as 0).
 */
function setRange(
  readings: readonly Slot[][],
  row: number,
  blankIsZero: boolean,
  low: Float64Array,
  high: Float64Array,
) {
  const at = row * 7;
  low.fill(Number.POSITIVE_INFINITY, at, at + 7);
  high.fill(Number.NEGATIVE_INFINITY, at, at + 7);
  for (let k = 0; k < readings.length; k++) {
    const reading = readings[k];
    for (let column = 0; column < 7; column++) {
      const slot = reading[column];
      const v = typeof slot === 'number' ? slot : slot === 'blank' && blankIsZero ? 0 : Number.NaN;
      // NaN never compares, so it is stored directly and sticks (Math.min would do, slower).
      if (Number.isNaN(v)) low[at + column] = Number.NaN;
      else if (v < low[at + column]) low[at + column] = v;
      if (v > high[at + column]) high[at + column] = v;
    }
  }
}

/**
 * Drops each reading whose value in a column cannot be balanced by the other rows of a column
 * equation, whatever their readings (bounds of Σ coefficient × value), until nothing changes.
 * Only readings that fit no solution of the whole table are dropped, so none that fits is lost;
 * it narrows tables far past what the exhaustive search below can enumerate, in linear time.
 * Hot on crawled tables: typed arrays and plain loops, no closures.
 */
function propagate(eqs: readonly Equation[], solutions: Slot[][][], blankIsZero: boolean) {
  const low = new Float64Array(solutions.length * 7);
  const high = new Float64Array(solutions.length * 7);
  // Rows printed alike share one readings array (tables.ts readAll): their ranges are copied.
  const first = new Map<Slot[][], number>();
  for (let row = 0; row < solutions.length; row++) {
    const same = first.get(solutions[row]);
    if (same === undefined) {
      first.set(solutions[row], row);
      setRange(solutions[row], row, blankIsZero, low, high);
    } else {
      low.copyWithin(row * 7, same * 7, same * 7 + 7);
      high.copyWithin(row * 7, same * 7, same * 7 + 7);
    }
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of eqs) {
      if (!narrowable(eq, solutions)) continue;
      for (let column = 0; column < 7; column++)
        if (narrowColumn(eq, column, solutions, blankIsZero, low, high)) changed = true;
    }
  }
  return solutions;
}

/** An equation can narrow a row when every row of it has a reading and one has several. */
function narrowable(eq: Equation, solutions: readonly Slot[][][]): boolean {
  let several = false;
  for (const [row] of eq.terms) {
    const n = solutions[row].length;
    if (n === 0) return false;
    if (n > 1) several = true;
  }
  return several;
}

function narrowColumn(
  eq: Equation,
  column: number,
  solutions: Slot[][][],
  blankIsZero: boolean,
  low: Float64Array,
  high: Float64Array,
): boolean {
  let sumLow = 0;
  let sumHigh = 0;
  for (const [row, c] of eq.terms) {
    const min = low[row * 7 + column];
    if (Number.isNaN(min)) return false;
    const max = high[row * 7 + column];
    sumLow += c > 0 ? c * min : c * max;
    sumHigh += c > 0 ? c * max : c * min;
  }
  let changed = false;
  for (const [row, c] of eq.terms) {
    const readings = solutions[row];
    if (readings.length < 2) continue;
    const min = low[row * 7 + column];
    const max = high[row * 7 + column];
    const vLow = c > 0 ? c * min : c * max;
    const vHigh = c > 0 ? c * max : c * min;
    const othersLow = sumLow - vLow;
    const othersHigh = sumHigh - vHigh;
    // Every reading fits when the row's extremes do (the usual case): nothing to filter.
    if (vHigh + othersLow <= 1e-9 && vLow + othersHigh >= -1e-9) continue;
    const kept: Slot[][] = [];
    for (const reading of readings) {
      const slot = reading[column];
      const v = c * (typeof slot === 'number' ? slot : 0);
      if (v + othersLow <= 1e-9 && v + othersHigh >= -1e-9) kept.push(reading);
    }
    if (kept.length === 0 || kept.length === readings.length) continue;
    solutions[row] = kept;
    setRange(kept, row, blankIsZero, low, high);
    changed = true;
  }
  return changed;
}

export interface ColumnSolution {
  /** Each row's readings that fit some solution of the whole table. */
  solutions: Slot[][][];
  /** The joint search stopped at its bound: the rows still ambiguous were not narrowed by it. */
  truncated: boolean;
}

export function solveColumns(
  rowKeys: readonly T3RowKey[],
  readings: readonly Slot[][][],
  _version: FormatVersion,
  blankIsZero: boolean,
): ColumnSolution {
  // Rows are replaced, never changed in place, so a shallow copy keeps `readings` intact.
  if (readings.every((s) => s.length < 2)) return { solutions: readings.slice(), truncated: false };
  const eqs = equations(rowKeys);
  const solutions = propagate(eqs, readings.slice(), blankIsZero);
  const search = new JointSearch(eqs, solutions, blankIsZero);
  return { solutions: search.run(), truncated: search.truncated };
}

/**
 * The exhaustive search over the still-ambiguous rows' readings: each equation is checked as soon
 * as the last of its ambiguous rows is chosen, so a failing branch is cut at once. Not started past
 * `maxCombinations` (then `truncated`).
 */
class JointSearch {
  truncated = false;
  private readonly ambiguous: number[] = [];
  /** The equations to check once the row at each depth is chosen. */
  private readonly checkAt: Equation[][];
  /** Equations over unambiguous rows only. */
  private readonly fixed: Equation[] = [];
  private readonly chosen: (Slot[] | undefined)[];
  private readonly kept: Set<Slot[]>[];
  private any = false;

  constructor(
    eqs: readonly Equation[],
    private readonly solutions: Slot[][][],
    private readonly blankIsZero: boolean,
  ) {
    for (let row = 0; row < solutions.length; row++)
      if (solutions[row].length > 1) this.ambiguous.push(row);
    this.checkAt = this.ambiguous.map(() => []);
    for (const eq of eqs) {
      let depth = -1;
      for (const [row] of eq.terms) depth = Math.max(depth, this.ambiguous.indexOf(row));
      if (depth < 0) this.fixed.push(eq);
      else this.checkAt[depth].push(eq);
    }
    this.chosen = solutions.map((s) => s[0]);
    this.kept = this.ambiguous.map(() => new Set<Slot[]>());
  }

  run(): Slot[][][] {
    const { solutions, ambiguous } = this;
    if (ambiguous.length === 0 || !this.fits(this.fixed)) return solutions;
    let product = 1;
    for (const row of ambiguous) product *= solutions[row].length;
    if (product > maxCombinations) {
      this.truncated = true;
      return solutions;
    }
    this.visit(0);
    if (!this.any) return solutions;
    return solutions.map((s, row) => {
      const i = ambiguous.indexOf(row);
      return i < 0 ? s : [...this.kept[i]];
    });
  }

  private fits(eqs: readonly Equation[]): boolean {
    for (const eq of eqs)
      for (let c = 0; c < 7; c++) if (!holds(eq, this.chosen, c, this.blankIsZero)) return false;
    return true;
  }

  private visit(depth: number): void {
    const row = this.ambiguous[depth];
    for (const reading of this.solutions[row]) {
      this.chosen[row] = reading;
      if (!this.fits(this.checkAt[depth])) continue;
      if (depth + 1 < this.ambiguous.length) this.visit(depth + 1);
      else this.record();
    }
  }

  private record(): void {
    this.any = true;
    for (let i = 0; i < this.ambiguous.length; i++) {
      const slots = this.chosen[this.ambiguous[i]];
      if (slots) this.kept[i].add(slots);
    }
  }
}
