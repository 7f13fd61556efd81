import { asc, eq } from 'drizzle-orm';
import { Calendar, type CountingConvention } from '../law/calendar.ts';
import type { Db } from './database.ts';
import { calendarYears, workdayOverrides } from './schema.ts';

export interface StoredOverride {
  /** YYYY-MM-DD */
  day: string;
  workday: boolean;
  name?: string | null;
}

export interface StoredYear {
  year: number;
  source: string;
  overrides: StoredOverride[];
}

/** Replaces a year's schedule (one State Council notice) in one transaction. */
export async function saveWorkdayOverrides(
  db: Db,
  year: number,
  source: string,
  overrides: StoredOverride[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(workdayOverrides).where(eq(workdayOverrides.year, year));
    if (overrides.length > 0) {
      await tx.insert(workdayOverrides).values(
        overrides.map((o) => ({
          day: o.day,
          year,
          workday: o.workday,
          name: o.name ?? null,
          source,
        })),
      );
    }
    await tx
      .insert(calendarYears)
      .values({ year, source })
      .onConflictDoUpdate({ target: calendarYears.year, set: { source, loadedAt: new Date() } });
  });
}

/** Every loaded year with its overrides, oldest first. */
export async function loadWorkdayOverrides(db: Db): Promise<StoredYear[]> {
  const years = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  const days = await db.select().from(workdayOverrides).orderBy(asc(workdayOverrides.day));
  return years.map((y) => ({
    year: y.year,
    source: y.source,
    overrides: days
      .filter((d) => d.year === y.year)
      .map((d) => ({ day: d.day, workday: d.workday, name: d.name })),
  }));
}

/** The law core's calendar with every notice loaded into the database (`gongkai calendar import`). */
export async function loadCalendar(db: Db, convention?: CountingConvention): Promise<Calendar> {
  return new Calendar({ schedules: await loadWorkdayOverrides(db), convention });
}
