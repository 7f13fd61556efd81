/**
 * Crash safety (short version for CI; `npm run bench crash` runs longer): `gongkai serve` is
 * killed with SIGKILL at random points under a stream of applications, receipt confirmations and
 * publication edits, and restarted; every acknowledged write must survive, exactly once, with its
 * event log, projection and audit entries in agreement. The PGlite lock left behind is taken over.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { databaseKinds } from '../support/databases.ts';
import { crashRun } from './crashHarness.ts';

for (const kind of databaseKinds()) {
  test(`SIGKILL under load loses no acknowledged write [${kind}]`, {
    timeout: 120_000,
  }, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    const result = await crashRun({
      kind,
      rounds: kind === 'pglite' ? 2 : 3,
      maxAcks: 10,
      jitterMs: 200,
      applicants: 4,
      seed,
    });
    assert.deepEqual(result.violations, [], `seed ${seed}`);
    assert.ok(result.acked.applications > 0, 'some submissions were acknowledged');
    assert.ok(result.acked.publicationOps > 0, 'some publication edits were acknowledged');
    assert.ok(result.found.applications >= result.acked.applications);
    if (kind === 'pglite') assert.equal(result.staleLocks, 2, 'each kill left its lock file');
  });
}
