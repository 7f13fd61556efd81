/**
 * The short fuzz run for CI: a fixed seed, a few hundred mutated inputs per registered report
 * parser (fewer for the slow container formats). Any exception that is not a GongkaiError, or a
 * result breaking the model invariants, fails the test with the saved input's path. The hang
 * bound is generous here (a loop that never ends, not a slow machine); the 2 s bound is the
 * bench's (npm run bench fuzz).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFuzz } from '../../bench/fuzz/run.ts';
import { fuzzTargets } from '../../bench/fuzz/targets.ts';

test('every registered parser survives mutated inputs: no crash, hang or broken invariant', async () => {
  const stats = await runFuzz({
    seed: 20261127,
    inputs: 0,
    perTarget: 150,
    perTargetOf: { docx: 40, xlsx: 40, pdf: 30 },
    bombs: false,
    timeBudgetMs: 10 * 60_000,
    hangMs: 10_000,
    seeds: { generated: 2, realPdfs: 0 },
    outDir: 'test-output/fuzz-ci',
  });
  const described = stats.failures.map(
    (f) => `${f.kind} in ${f.target}: ${f.detail.split('\n')[0]} (${f.file})`,
  );
  assert.deepEqual(described, []);
  assert.equal(stats.crashes + stats.invariants + stats.hangs, 0);
  // Every parser in the dispatch table was fuzzed, and the mutations reached both outcomes.
  assert.deepEqual(
    stats.targets.map((t) => t.target),
    fuzzTargets().map((t) => t.name),
  );
  for (const t of stats.targets) assert.ok(t.inputs >= 30, `${t.target}: ${t.inputs} inputs`);
  assert.ok(
    stats.targets.every((t) => t.rejected > 0),
    'every parser refused some input',
  );
  assert.ok(stats.targets.filter((t) => t.parsed > 0).length >= 5, 'most parsers read some input');
});
