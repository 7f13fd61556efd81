/** Comparing a report with its render → parse image: cells, identity and section text. */
import assert from 'node:assert/strict';
import { type AnnualReport, type Cells, isUncertain } from '../../../src/report/model.ts';

/** Uncertain cells print as `?`, so only their uncertainty survives a printed format. */
export function printedCells(cells: Cells): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(cells).map(([k, v]) => [k, isUncertain(v) ? 'uncertain' : v]),
  );
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function assertSameReport(
  parsed: AnnualReport,
  original: AnnualReport,
  opts: { sections?: boolean } = {},
) {
  assert.equal(parsed.agency, original.agency);
  assert.equal(parsed.year, original.year);
  assert.equal(parsed.formatVersion, original.formatVersion);
  assert.deepEqual(printedCells(parsed.cells), printedCells(original.cells));
  if (opts.sections)
    for (const key of ['S1', 'S5', 'S6'] as const)
      assert.deepEqual(lines(parsed.sections[key]?.text), lines(original.sections[key]?.text), key);
}
