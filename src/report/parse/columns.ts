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

function equations(rowKeys: readonly T3RowKey[]): Equation[] {
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

/** Past this many distinct partial sums a column is not used for pruning (it proves nothing). */
const maxSums = 50000;

/** The values a row's readings give one column, or undefined when one is not a number. */
function columnValues(readings: readonly Slot[][], column: number, blankIsZero: boolean) {
  const values = new Set<number>();
  for (const r of readings) {
    const slot = r[column];
    if (typeof slot === 'number') values.add(slot);
    else if (slot === 'blank' && blankIsZero) values.add(0);
    else return undefined;
  }
  return values;
}

/** Every sum Σ coefficient × value the rows can make, or undefined past `maxSums`. */
function reachable(terms: readonly { coefficient: number; values: Set<number> }[]) {
  let sums = new Set<number>([0]);
  for (const { coefficient, values } of terms) {
    const next = new Set<number>();
    for (const s of sums) for (const v of values) next.add(s + coefficient * v);
    if (next.size > maxSums) return undefined;
    sums = next;
  }
  return sums;
}

/**
 * Drops each reading that no choice of the other rows' readings can fit into some column
 * equation, one column and one equation at a time, until nothing changes. Each step only drops a
 * reading that fits no solution of the whole table, so no reading that fits is ever lost; it
 * narrows tables far past what the exhaustive search below can enumerate.
 */
function propagate(
  eqs: readonly Equation[],
  solutions: Slot[][][],
  blankIsZero: boolean,
): Slot[][][] {
  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of eqs) {
      if (eq.terms.some(([row]) => solutions[row].length === 0)) continue;
      for (let column = 0; column < 7; column++) {
        const terms = eq.terms.map(([row, coefficient]) => ({
          row,
          coefficient,
          values: columnValues(solutions[row], column, blankIsZero),
        }));
        if (terms.some((t) => t.values === undefined)) continue;
        const known = terms as { row: number; coefficient: number; values: Set<number> }[];
        for (const term of known) {
          if (term.values.size < 2 && solutions[term.row].length < 2) continue;
          const others = reachable(known.filter((t) => t !== term));
          if (!others) continue;
          const kept = solutions[term.row].filter((reading) => {
            const slot = reading[column];
            const v = typeof slot === 'number' ? slot : 0;
            return others.has(-term.coefficient * v);
          });
          if (kept.length === 0 || kept.length === solutions[term.row].length) continue;
          solutions[term.row] = kept;
          term.values = columnValues(kept, column, blankIsZero) ?? term.values;
          changed = true;
        }
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
