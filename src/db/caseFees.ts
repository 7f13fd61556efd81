/**
 * The applicant's count for 按件计收 (国办函〔2020〕109号 第四条): which of the applicant's
 * applications to this agency in the calendar month of receipt this one is. The applicant is the
 * same name with the same phone number (what intake records for everyone).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { ApplicationRow } from './cases.ts';
import type { Db } from './database.ts';
import { applications } from './schema/cases.ts';

export async function applicantPieceIndex(db: Db, row: ApplicationRow): Promise<number> {
  const day = row.receivedOn ?? row.submittedOn;
  const month = day.slice(0, 7);
  const received = sql`coalesce(${applications.receivedOn}, ${applications.submittedOn})`;
  const [result] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(
      and(
        eq(applications.agencyId, row.agencyId),
        eq(applications.applicantName, row.applicantName),
        eq(applications.phoneDigits, row.phoneDigits),
        sql`to_char(${received}, 'YYYY-MM') = ${month}`,
        sql`(${received}, ${applications.id}) <= (${day}::date, ${row.id})`,
      ),
    );
  return result.n;
}
