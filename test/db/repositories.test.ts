import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { findAgencyByCode, listMemberAgencies, upsertAgency } from '../../src/db/agencies.ts';
import { audit, listAudit } from '../../src/db/audit.ts';
import { loadWorkdayOverrides, saveWorkdayOverrides } from '../../src/db/calendar.ts';
import { rowsOf } from '../../src/db/database.ts';
import { verifyPassword } from '../../src/db/passwords.ts';
import { hitRateLimit } from '../../src/db/rateLimit.ts';
import { createSession, deleteSession, findSessionUser } from '../../src/db/sessions.ts';
import { getOrCreateSetting } from '../../src/db/settings.ts';
import {
  delayAfter,
  giveBack,
  takeAttempt,
  throttlePolicy,
  throttleState,
} from '../../src/db/throttle.ts';
import { createUser, grantRole, listMemberships } from '../../src/db/users.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('repositories', (database) => {
  test('agencies form the county hierarchy and upsert by code', async () => {
    const { db } = database();
    const county = await upsertAgency(db, { code: 'c1', name: '某县人民政府', kind: 'government' });
    await upsertAgency(db, { code: 'd1', name: '某县教育局', parentId: county.id });
    await upsertAgency(db, { code: 'd1', name: '某县教育局（更名）', parentId: county.id });
    assert.equal((await findAgencyByCode(db, 'd1'))?.name, '某县教育局（更名）');
    assert.deepEqual(
      (await listMemberAgencies(db, county.id)).map((a) => a.code),
      ['d1'],
    );
  });

  test('users get argon2id hashes, memberships and sessions', async () => {
    const { db } = database();
    const agency = await upsertAgency(db, { code: 'u1', name: '某局' });
    const user = await createUser(db, { username: 'alice', password: 'correct horse' });
    assert.match(user.passwordHash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(user.passwordHash, 'correct horse'), true);
    assert.equal(await verifyPassword(user.passwordHash, 'wrong'), false);
    await assert.rejects(createUser(db, { username: 'alice', password: 'x' }), {
      code: 'user.exists',
    });
    await grantRole(db, user.id, agency.id, 'handler');
    await grantRole(db, user.id, agency.id, 'handler');
    assert.deepEqual(
      (await listMemberships(db, user.id)).map((m) => [m.agencyCode, m.role]),
      [['u1', 'handler']],
    );
    const token = await createSession(db, user.id);
    assert.equal((await findSessionUser(db, token))?.username, 'alice');
    await deleteSession(db, token);
    assert.equal(await findSessionUser(db, token), undefined);
  });

  test('the audit log is append-only in the database itself', async () => {
    const { db } = database();
    await audit(db, { action: 'test.append', target: 'x', details: { n: 1 } });
    const [row] = await listAudit(db, { action: 'test.append' });
    assert.deepEqual(row.details, { n: 1 });
    await assert.rejects(
      db.execute(sql`update audit_log set action = 'forged' where id = ${row.id}`),
    );
    await assert.rejects(db.execute(sql`delete from audit_log where id = ${row.id}`));
    assert.equal((await listAudit(db, { action: 'test.append' })).length, 1);
  });

  test('login throttling: free attempts, then growing locks (1, 2, 4 … minutes, at most an hour)', async () => {
    const { db } = database();
    const key = { key: 'user-ip:bob|10.0.0.1', free: 5 };
    let now = new Date('2026-03-02T08:00:00Z');
    for (let i = 0; i < 5; i++) assert.equal((await takeAttempt(db, key, now)).allowed, true);
    const refused = await takeAttempt(db, key, now);
    assert.equal(refused.allowed, false);
    assert.equal(!refused.allowed && refused.until.getTime() - now.getTime(), 60_000);
    const locks: number[] = [];
    for (let i = 0; i < 8; i++) {
      const state = await throttleState(db, key.key);
      now = new Date(state!.lockedUntil!.getTime() + 1);
      assert.equal((await takeAttempt(db, key, now)).allowed, true, 'allowed once the lock ends');
      locks.push((await throttleState(db, key.key))!.lockedUntil!.getTime() - now.getTime());
    }
    assert.deepEqual(
      locks.map((ms) => ms / 60_000),
      [2, 4, 8, 16, 32, 60, 60, 60],
    );
    assert.equal(delayAfter(4, 5), 0);
    assert.equal(delayAfter(5, 5), throttlePolicy.firstDelayMs);
    assert.equal(delayAfter(500, 5), throttlePolicy.maxDelayMs);
  });

  test('login throttling: a count is forgotten a day after it began; giving back lifts the lock', async () => {
    const { db } = database();
    const key = { key: 'ip:10.0.0.2', free: 3 };
    const start = new Date('2026-03-02T08:00:00Z');
    for (let i = 0; i < 3; i++) await takeAttempt(db, key, start);
    assert.equal((await takeAttempt(db, key, start)).allowed, false);
    await giveBack(db, key);
    assert.deepEqual(await throttleState(db, key.key), { failures: 2, lockedUntil: null });
    assert.equal((await takeAttempt(db, key, start)).allowed, true);
    const nextDay = new Date(start.getTime() + throttlePolicy.forgetAfterMs + 1);
    assert.equal((await takeAttempt(db, key, nextDay)).allowed, true);
    assert.equal((await throttleState(db, key.key))?.failures, 1);
  });

  test('login throttling: 60 parallel attempts on one key get exactly the free 5', async () => {
    const { db } = database();
    const key = { key: 'user-ip:carol|10.0.0.3', free: 5 };
    const results = await Promise.all(Array.from({ length: 60 }, () => takeAttempt(db, key)));
    assert.equal(results.filter((r) => r.allowed).length, 5);
  });

  test('settings are created once and then stable', async () => {
    const { db } = database();
    const first = await getOrCreateSetting(db, 'k', () => 'one');
    const second = await getOrCreateSetting(db, 'k', () => 'two');
    assert.equal(first, 'one');
    assert.equal(second, 'one');
  });

  test("a year's workday overrides replace the previous load of that year", async () => {
    const { db } = database();
    await saveWorkdayOverrides(db, 2027, '草稿', [
      { day: '2027-01-01', workday: false, name: '元旦' },
    ]);
    await saveWorkdayOverrides(db, 2027, '国办发明电〔2026〕X号', [
      { day: '2027-01-01', workday: false, name: '元旦' },
      { day: '2027-02-07', workday: true, name: '春节调休' },
    ]);
    const years = await loadWorkdayOverrides(db);
    assert.equal(years.length, 1);
    assert.equal(years[0].source, '国办发明电〔2026〕X号');
    assert.deepEqual(
      years[0].overrides.map((o) => [o.day, o.workday]),
      [
        ['2027-01-01', false],
        ['2027-02-07', true],
      ],
    );
  });

  test('counts come back as numbers on both databases', async () => {
    const { db } = database();
    const result = await db.execute(sql`select count(*) as n from agencies`);
    assert.equal(typeof rowsOf<{ n: unknown }>(result)[0].n, 'number');
  });
});

describeEachDatabase('rate limits', (database) => {
  test('a key is allowed up to the limit within a window, and again in the next window', async () => {
    const { db } = database();
    const rule = { limit: 3, windowMs: 60_000 };
    const t0 = new Date('2026-05-06T01:00:00Z');
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push((await hitRateLimit(db, 'apply:ip:1', rule, t0)).allowed);
    assert.deepEqual(seen, [true, true, true, false]);
    const t1 = new Date(t0.getTime() + 60_001);
    assert.equal((await hitRateLimit(db, 'apply:ip:1', rule, t1)).allowed, true);
    assert.equal((await hitRateLimit(db, 'apply:ip:2', rule, t0)).allowed, true);
  });

  test('concurrent hits are all counted', async () => {
    const { db } = database();
    const rule = { limit: 100, windowMs: 60_000 };
    await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(db, 'k', rule)));
    assert.equal((await hitRateLimit(db, 'k', rule)).hits, 21);
  });
});
