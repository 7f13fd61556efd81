import { sql } from 'drizzle-orm';
import { formatIndexNumber, indexPrefix } from '../catalog/indexNumber.ts';
import type { Agency } from './agencies.ts';
import { type Db, rowsOf } from './database.ts';

/**
 * Issues the next 索引号 serial for an agency and year. One statement increments the counter row
 * (or creates it at 1), so concurrent publishers always get distinct serials; call it inside the
 * publishing transaction so a rolled-back publication does not use up a number.
 */
export async function nextIndexSerial(db: Db, agencyId: number, year: number): Promise<number> {
  const result = await db.execute(sql`
    insert into index_number_counters (agency_id, year, last_serial) values (${agencyId}, ${year}, 1)
    on conflict (agency_id, year) do update set last_serial = index_number_counters.last_serial + 1
    returning last_serial`);
  return Number(rowsOf<{ last_serial: number }>(result)[0].last_serial);
}

export async function issueIndexNumber(
  db: Db,
  agency: Pick<Agency, 'id' | 'uscc' | 'code'>,
  year: number,
): Promise<string> {
  const prefix = indexPrefix(agency);
  return formatIndexNumber({ prefix, year, serial: await nextIndexSerial(db, agency.id, year) });
}

/** Raises the counter to at least `serial` (a legacy 索引号 kept on import). */
export async function bumpIndexCounter(db: Db, agencyId: number, year: number, serial: number) {
  await db.execute(sql`
    insert into index_number_counters (agency_id, year, last_serial) values (${agencyId}, ${year}, ${serial})
    on conflict (agency_id, year) do update set last_serial = greatest(index_number_counters.last_serial, excluded.last_serial)`);
}
