import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { t2Cells } from '../../src/db/catalogRegisters.ts';
import { rowsOf } from '../../src/db/database.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase(
  'catalog demo',
  (database) => {
    test('湘潭县信访局 gets its 2021 catalogue as the seed report counts it; loading again adds nothing', async () => {
      const { db } = database();
      await loadDemo(db);
      const xfj = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      const rows = rowsOf<{ name: string; n: number }>(
        await db.execute(sql`select c.name, count(*)::int as n from publications p join catalog_categories c on c.id = p.category_id
        where p.agency_id = ${xfj.id} and p.status = 'published' and p.published_on between '2021-01-01' and '2021-12-31' group by c.name`),
      );
      assert.deepEqual(Object.fromEntries(rows.map((r) => [r.name, r.n])), {
        工作动态: 58,
        财政信息: 2,
        机构信息: 1,
        领导信息: 1,
        政府信息公开指南: 1,
        政府信息公开年报: 1,
      });
      const numbers = rowsOf<{ index_number: string }>(
        await db.execute(
          sql`select index_number from publications where agency_id = ${xfj.id} and published_on < '2022-01-01' order by index_number`,
        ),
      );
      assert.equal(numbers.length, 64);
      assert.equal(numbers[0].index_number, '11430321MB16134126/2021-00001');
      assert.equal(numbers[63].index_number, '11430321MB16134126/2021-00064');
      const county = (await findAgencyByCode(db, 'xiangtan'))!;
      const t2 = await t2Cells(db, county.id, 2021);
      assert.equal(t2.cells['t2.norm.made'], 2);
      assert.equal(t2.cells['t2.norm.valid'], 3);
      assert.equal(t2.cells['t2.pun.decisions'], 150);
      assert.equal(t2.cells['t2.fee.amountWan'], 265.38205);
    });
  },
  { demo: true },
);
