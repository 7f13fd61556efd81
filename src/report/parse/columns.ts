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

export function solveColumns(
  rowKeys: readonly T3RowKey[],
  solutions: readonly Slot[][][],
  _version: FormatVersion,
  blankIsZero: boolean,
): Slot[][][] {
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
