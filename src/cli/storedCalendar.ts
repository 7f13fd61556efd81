import { loadCalendar } from '../db/calendar.ts';
import { databaseConfigured, openDatabase } from '../db/open.ts';
import { Calendar } from '../law/calendar.ts';

/**
 * The calendar with the years imported by `gongkai calendar import`, when a database is set up;
 * otherwise the bundled notices only (a calculator should not create a database).
 */
export async function storedCalendar(): Promise<Calendar> {
  if (!databaseConfigured()) return new Calendar();
  const database = await openDatabase();
  try {
    return await loadCalendar(database.db);
  } finally {
    await database.close();
  }
}
