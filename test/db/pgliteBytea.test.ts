/**
 * bytea through PGlite (src/db/pgliteBytea.ts): every byte value, an empty file and a large one
 * come back unchanged, in process and in the database thread; anything else is refused.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../src/db/database.ts';
import { byteaParsers, byteaSerializers } from '../../src/db/pgliteBytea.ts';
import { openTemplatePglite } from '../support/template.ts';

const samples = {
  every: Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256)),
  empty: Buffer.alloc(0),
  large: randomBytes(1024 * 1024),
};

for (const thread of [false, true]) {
  describe(`bytea through PGlite ${thread ? 'in its thread' : 'in process'}`, () => {
    let database: Database;
    before(async () => {
      database = await openTemplatePglite('empty', thread);
      await database.db.execute(sql`create table bytea_t (name text primary key, data bytea)`);
    });
    after(() => database?.close());

    test('every sample comes back byte for byte, and the database sees the same bytes', async () => {
      for (const [name, data] of Object.entries(samples)) {
        await database.db.execute(sql`insert into bytea_t values (${name}, ${data})`);
      }
      const rows = rowsOf<{ name: string; data: Uint8Array; len: number; sha: string }>(
        await database.db.execute(
          sql`select name, data, length(data) as len, encode(sha256(data), 'hex') as sha from bytea_t`,
        ),
      );
      for (const row of rows) {
        const sent = samples[row.name as keyof typeof samples];
        assert.ok(Buffer.from(row.data).equals(sent), row.name);
        assert.equal(row.len, sent.length);
        assert.equal(row.sha, createHash('sha256').update(sent).digest('hex'));
      }
      assert.equal(rows.length, 3);
    });
  });
}

test('the codec: a view into a larger buffer is encoded alone; a non-byte value is refused', () => {
  const whole = Buffer.from([1, 2, 3, 4, 5]);
  assert.equal(byteaSerializers[17](whole.subarray(1, 3)), '\\x0203');
  const parsed = byteaParsers[17]('\\x00ff10');
  assert.deepEqual(parsed, new Uint8Array([0, 255, 16]));
  assert.equal(parsed.buffer.byteLength, 3, 'its own buffer, not the pool');
  assert.throws(() => byteaSerializers[17]('abc'), /bytea/);
});
