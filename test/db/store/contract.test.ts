/**
 * The event store's contract, written once and run against every registered aggregate on PGlite
 * and PostgreSQL (as Hono runs one router suite against every router).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { upsertAgency } from '../../../src/db/agencies.ts';
import { listAudit } from '../../../src/db/audit.ts';
import { loadWorkdayOverrides } from '../../../src/db/calendar.ts';
import { importWorkdaySchedule } from '../../../src/db/calendarImport.ts';
import type { Db } from '../../../src/db/database.ts';
import { aggregates, registeredKinds } from '../../../src/db/store/aggregates.ts';
import { append, reproject } from '../../../src/db/store/eventStore.ts';
import { GongkaiError } from '../../../src/errors.ts';
import { Calendar } from '../../../src/law/calendar.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { fixtures, HOLIDAY, type StoreFixture, TODAY } from './fixtures.ts';

const actor = { userId: null, today: TODAY };

test('every registered aggregate has a fixture for the shared suite', () => {
  assert.deepEqual(
    registeredKinds().filter((k) => !fixtures[k]),
    [],
  );
});

for (const kind of registeredKinds()) {
  const aggregate = aggregates[kind]!;
  const fixture = fixtures[kind] as StoreFixture;

  describeEachDatabase(`event store contract: ${kind}`, (database) => {
    let agencyId = 0;
    let otherAgencyId = 0;
    before(async () => {
      const db = database().db;
      agencyId = (await upsertAgency(db, { code: `st-${kind}`, name: '契约测试局' })).id;
      otherAgencyId = (await upsertAgency(db, { code: `st-${kind}-x`, name: '其他局' })).id;
    });

    const snapshot = async (db: Db, id: number) => ({
      seqs: await fixture.seqs(db, id),
      version: (await aggregate.lock(db, id))?.version,
      due: await fixture.due(db, id),
      audit: (await listAudit(db, { agencyId })).length,
    });

    test('create writes the first events from 1, the projection and one audit entry', async () => {
      const db = database().db;
      const before = (await listAudit(db, { agencyId })).length;
      const id = await fixture.create(db, agencyId);
      const now = await snapshot(db, id);
      assert.deepEqual(
        now.seqs,
        now.seqs.map((_, i) => i + 1),
      );
      assert.equal(now.version, now.seqs.length);
      assert.equal(now.due, fixture.dueBefore);
      assert.equal(now.audit, before + 1);
    });

    test('append writes the event, the projection and the audit entry together', async () => {
      const db = database().db;
      const id = await fixture.create(db, agencyId);
      const was = await snapshot(db, id);
      await append(db, aggregate, id, fixture.legal, actor);
      const now = await snapshot(db, id);
      assert.deepEqual(now.seqs, [...was.seqs, was.seqs.length + 1]);
      assert.equal(now.version, was.seqs.length + 1);
      const [entry] = await listAudit(db, { agencyId });
      assert.equal(entry.action, `${aggregate.auditArea}.${fixture.legal.type}`);
      assert.equal(entry.target, `${kind}:${id}`);
      assert.equal(now.audit, was.audit + 1);
    });

    test('an illegal event is refused and writes nothing', async () => {
      const db = database().db;
      const id = await fixture.create(db, agencyId);
      const was = await snapshot(db, id);
      await assert.rejects(
        append(db, aggregate, id, fixture.illegal.event, actor),
        (e: GongkaiError) => e.code.startsWith(fixture.illegal.code),
      );
      assert.deepEqual(await snapshot(db, id), was);
    });

    test('a failure after the event is inserted rolls the whole append back', async () => {
      const db = database().db;
      const id = await fixture.create(db, agencyId);
      const was = await snapshot(db, id);
      const broken = {
        ...aggregate,
        project: async () => {
          throw new Error('磁盘已满');
        },
      };
      await assert.rejects(append(db, broken, id, fixture.legal, actor), /磁盘已满/);
      assert.deepEqual(await snapshot(db, id), was);
    });

    test('sequence numbers stay gapless under concurrent appends', async () => {
      const db = database().db;
      const id = await fixture.create(db, agencyId);
      const start = (await fixture.seqs(db, id)).length;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, () => append(db, aggregate, id, fixture.concurrent, actor)),
      );
      for (const o of outcomes) {
        if (o.status === 'rejected') assert.ok(o.reason instanceof GongkaiError, String(o.reason));
      }
      const appended = outcomes.filter((o) => o.status === 'fulfilled').length;
      assert.ok(appended >= 1);
      const seqs = await fixture.seqs(db, id);
      assert.deepEqual(
        seqs,
        Array.from({ length: start + appended }, (_, i) => i + 1),
      );
      assert.equal((await aggregate.lock(db, id))?.version, seqs.length);
    });

    test('a row of another agency is not found and not touched', async () => {
      const db = database().db;
      const id = await fixture.create(db, otherAgencyId);
      const seqs = await fixture.seqs(db, id);
      await assert.rejects(
        append(db, aggregate, id, fixture.legal, actor, { agencyId }),
        (e: GongkaiError) => e.code === `${aggregate.auditArea}.not-found`,
      );
      assert.deepEqual(await fixture.seqs(db, id), seqs);
    });

    test('an event dated after today is refused', async () => {
      const db = database().db;
      const id = await fixture.create(db, agencyId);
      const was = await snapshot(db, id);
      await assert.rejects(
        append(db, aggregate, id, fixture.legal, { today: '2026-03-02' }),
        (e: GongkaiError) => e.code === `${aggregate.auditArea}.date.future`,
      );
      assert.deepEqual(await snapshot(db, id), was);
    });

    test('reproject rewrites only projections and reports the logs that fail', async () => {
      const db = database().db;
      const good = await fixture.create(db, agencyId);
      const bad = await fixture.create(db, agencyId);
      await fixture.spoil(db, good);
      await fixture.spoil(db, bad);
      const was = { good: await snapshot(db, good), bad: await snapshot(db, bad) };
      // The law changed so that `bad`'s log no longer derives.
      let current = 0;
      const strict = {
        ...aggregate,
        log: (tx: Db, id: number) => {
          current = id;
          return aggregate.log(tx, id);
        },
        derive: (context: unknown, events: never[]) => {
          if (current === bad) throw new GongkaiError('law.extension.late', '规则已变');
          return aggregate.derive(context, events);
        },
      };
      const result = await reproject(db, strict, [good, bad]);
      assert.deepEqual(result, { rewritten: 1, failed: [{ id: bad, code: 'law.extension.late' }] });
      assert.deepEqual(await snapshot(db, good), { ...was.good, due: fixture.dueBefore });
      assert.deepEqual(await snapshot(db, bad), was.bad);
    });

    test('a calendar import re-projects the date-dependent projection', async () => {
      const db = database().db;
      const id = await fixture.create(db, agencyId);
      const was = await snapshot(db, id);
      const bundled = new Calendar().exceptions(2026).map((d) => ({
        day: d.date,
        workday: d.workday,
        name: d.name,
      }));
      const results = await importWorkdaySchedule(db, 2026, '测试补充通知', [
        ...bundled,
        { day: HOLIDAY, workday: false, name: '测试假日' },
      ]);
      const mine = results.find((r) => r.kind === kind);
      assert.ok(mine && mine.rewritten >= 1 && mine.failed.length === 0);
      assert.equal((await loadWorkdayOverrides(db)).length, 1);
      assert.deepEqual(await snapshot(db, id), {
        ...was,
        due: fixture.dueAfterHoliday,
        audit: was.audit,
      });
    });
  });
}
