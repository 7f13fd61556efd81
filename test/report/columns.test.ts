/**
 * The joint T3 column deduction (parse/columns.ts): exact against a brute force over every
 * combination of the rows' readings, and bounded — a table with too many combinations is left
 * uncertain with that reason instead of being searched.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { OUTCOME_ROWS } from '../../src/law/keys.ts';
import type { T3RowKey } from '../../src/report/keys.ts';
import { isUncertain } from '../../src/report/model.ts';
import { maxCombinations, solveColumns } from '../../src/report/parse/columns.ts';
import type { Slot } from '../../src/report/parse/solve.ts';
import { parseText } from '../../src/report/parse/text.ts';
import { sharedDir } from '../support/shared.ts';

const rowKeys: T3RowKey[] = ['new', 'carryIn', 'open', 'partial', 'o', 'total', 'carryOut'];

/** Every combination of readings; a row's reading is kept when some combination fits R1 and R2. */
function bruteForce(readings: Slot[][][]): Slot[][][] {
  const n = (s: Slot) => (typeof s === 'number' ? s : 0);
  const kept = readings.map(() => new Set<Slot[]>());
  const pick: Slot[][] = [];
  let any = false;
  const visit = (row: number) => {
    if (row === readings.length) {
      for (let c = 0; c < 7; c++) {
        const [nw, ci, open, partial, o, total, co] = pick.map((r) => n(r[c]));
        if (nw + ci !== total + co || total !== open + partial + o) return;
      }
      any = true;
      for (let i = 0; i < pick.length; i++) kept[i].add(pick[i]);
      return;
    }
    for (const r of readings[row]) {
      pick[row] = r;
      visit(row + 1);
    }
  };
  visit(0);
  return any ? kept.map((s, i) => readings[i].filter((r) => s.has(r))) : readings;
}

/** A deterministic pseudo-random source (the test must not flake). */
function random(seed: number) {
  let x = seed;
  return (below: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % below;
  };
}

test('joint deduction: the same readings as a brute force over every combination', () => {
  const next = random(7);
  let narrowed = 0;
  for (let round = 0; round < 300; round++) {
    // A consistent table, then each row given 1–3 readings of which one is the true one.
    const cols = Array.from({ length: 7 }, () => {
      const [open, partial, o, co] = [next(4), next(3), next(2), next(3)];
      const total = open + partial + o;
      const ci = next(3);
      return [total + co - ci, ci, open, partial, o, total, co];
    });
    const truth = rowKeys.map((_, r) => cols.map((c) => c[r]) as Slot[]);
    const readings = truth.map((t) => {
      const extra = Array.from({ length: next(3) }, () =>
        t.map((v) => (next(4) === 0 ? next(5) : v)),
      );
      return [t, ...extra];
    });
    const { solutions, truncated } = solveColumns(rowKeys, readings, '2021', true);
    assert.equal(truncated, false);
    const expected = bruteForce(readings);
    if (expected.some((s, i) => s.length < readings[i].length)) narrowed++;
    assert.deepEqual(
      solutions.map((s) => s.length),
      expected.map((s) => s.length),
      `round ${round}`,
    );
    for (let i = 0; i < truth.length; i++)
      assert.ok(solutions[i].includes(truth[i]), `round ${round}: truth kept`);
  }
  assert.ok(narrowed > 100, `only ${narrowed} of 300 tables narrowed: the test would prove little`);
});

test('joint deduction: past maxCombinations the rows are left as read, flagged truncated', () => {
  // 25 rows of 28 readings each (a crawled table of lone zeros): 28^25 combinations.
  const keys: T3RowKey[] = ['new', 'carryIn', ...OUTCOME_ROWS, 'total', 'carryOut'];
  const zeros: Slot[][] = Array.from({ length: 28 }, (_, i) =>
    Array.from({ length: 7 }, (_, c) => (c === i % 7 ? 0 : 'blank')),
  );
  const readings = keys.map(() => zeros);
  assert.ok(28 ** 25 > maxCombinations);
  const { solutions, truncated } = solveColumns(keys, readings, '2021', true);
  assert.equal(truncated, true);
  assert.deepEqual(
    solutions.map((s) => s.length),
    readings.map((s) => s.length),
  );
});

test('a real crawled table with too many combinations: cells uncertain, the reason says why', () => {
  // Corpus 014: a crawled 2021-format report, one cell per line with repeated lines collapsed.
  const text = readFileSync(join(sharedDir, 'corpus/014.txt'), 'utf8');
  const { report } = parseText(text);
  const cell = report.cells['t3.new.np'];
  assert.ok(isUncertain(cell));
  assert.match(cell.reason ?? '', /折叠/);
  assert.match(cell.reason ?? '', /组合超过200000种/);
  assert.equal(report.cells['t3.new.tot'], 8);
});
