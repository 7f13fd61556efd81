/**
 * Narrowing T3 row readings with the column rules R1 (新收 + 上年结转 = 总计 + 结转) and R2
 * (总计 = Σ 办理结果), jointly over the rows that are still ambiguous.
 */
import type { FormatVersion, T3RowKey } from '../keys.ts';
import type { Slot } from './solve.ts';

const maxCombinations = 200000;

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
  pick: (row: number) => Slot[] | undefined,
  column: number,
  blankIsZero: boolean,
) {
  let sum = 0;
  for (const [row, coefficient] of eq.terms) {
    const slots = pick(row);
    if (!slots) return true;
    const slot = slots[column];
    if (slot === 'slash' || (slot === 'blank' && !blankIsZero)) return true;
    sum += coefficient * (typeof slot === 'number' ? slot : 0);
  }
  return Math.abs(sum) < 1e-9;
}

/** The least and greatest value a row's readings give one column; undefined when one is not a number. */
function columnRange(readings: readonly Slot[][], column: number, blankIsZero: boolean) {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const r of readings) {
    const slot = r[column];
    let v: number;
    if (typeof slot === 'number') v = slot;
    else if (slot === 'blank' && blankIsZero) v = 0;
    else return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

const slotNumber = (slot: Slot) => (typeof slot === 'number' ? slot : 0);

/**
 * Drops each reading whose value in a column cannot be balanced by the other rows of a column
 * equation, whatever their readings (bounds of Σ coefficient × value), until nothing changes.
 * Only readings that fit no solution of the whole table are dropped, so none that fits is lost;
 * it narrows tables far past what the exhaustive search below can enumerate, in linear time.
 */
function propagate(eqs: readonly Equation[], solutions: Slot[][][], blankIsZero: boolean) {
  let changed = solutions.some((s) => s.length > 1);
  while (changed) {
    changed = false;
    for (const eq of eqs) {
      if (eq.terms.some(([row]) => solutions[row].length === 0)) continue;
      if (eq.terms.every(([row]) => solutions[row].length === 1)) continue;
      for (let column = 0; column < 7; column++) {
        const ranges = eq.terms.map(([row, c]) => {
          const r = columnRange(solutions[row], column, blankIsZero);
          return (
            r && (c > 0 ? { min: c * r.min, max: c * r.max } : { min: c * r.max, max: c * r.min })
          );
        });
        if (ranges.some((r) => r === undefined)) continue;
        let low = 0;
        let high = 0;
        for (const r of ranges) {
          low += r!.min;
          high += r!.max;
        }
        eq.terms.forEach(([row, c], i) => {
          if (solutions[row].length < 2) return;
          const othersLow = low - ranges[i]!.min;
          const othersHigh = high - ranges[i]!.max;
          const kept = solutions[row].filter((reading) => {
            const v = c * slotNumber(reading[column]);
            return v + othersLow <= 1e-9 && v + othersHigh >= -1e-9;
          });
          if (kept.length === 0 || kept.length === solutions[row].length) return;
          solutions[row] = kept;
          changed = true;
        });
      }
    }
  }
  return solutions;
}

export function solveColumns(
  rowKeys: readonly T3RowKey[],
  readings: readonly Slot[][][],
  _version: FormatVersion,
  blankIsZero: boolean,
): Slot[][][] {
  if (readings.every((s) => s.length < 2)) return readings.map((s) => [...s]);
  const solutions = propagate(
    equations(rowKeys),
    readings.map((s) => [...s]),
    blankIsZero,
  );
  const ambiguous = solutions.map((s, i) => (s.length > 1 ? i : -1)).filter((i) => i >= 0);
  if (ambiguous.length === 0) return solutions.map((s) => [...s]);
  const product = ambiguous.reduce((acc, i) => acc * solutions[i].length, 1);
  if (product > maxCombinations) return solutions.map((s) => [...s]);
  const eqs = equations(rowKeys);
  const chosen = new Map<number, Slot[]>();
  const kept = ambiguous.map(() => new Set<Slot[]>());
  const pick = (row: number) => chosen.get(row) ?? solutions[row][0];
  let any = false;
  const visit = (depth: number) => {
    if (depth === ambiguous.length) {
      for (let c = 0; c < 7; c++) if (!eqs.every((eq) => holds(eq, pick, c, blankIsZero))) return;
      any = true;
      ambiguous.forEach((row, i) => {
        const slots = pick(row);
        if (slots) kept[i].add(slots);
      });
      return;
    }
    for (const s of solutions[ambiguous[depth]]) {
      chosen.set(ambiguous[depth], s);
      visit(depth + 1);
    }
  };
  visit(0);
  if (!any) return solutions.map((s) => [...s]);
  return solutions.map((s, row) => {
    const i = ambiguous.indexOf(row);
    return i < 0 ? [...s] : [...kept[i]];
  });
}
