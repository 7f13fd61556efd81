/**
 * Importing a year's holiday notice: save the schedule, then re-project every aggregate, so the
 * due dates stored in lists, counts and the tracking page follow the new calendar at once.
 * Every calendar import (the CLI, any back-office page) goes through here.
 */
import { type StoredOverride, saveWorkdayOverrides } from './calendar.ts';
import type { Db } from './database.ts';
import { type KindReprojectResult, reprojectAll } from './store/aggregates.ts';

export async function importWorkdaySchedule(
  db: Db,
  year: number,
  source: string,
  overrides: StoredOverride[],
): Promise<KindReprojectResult[]> {
  await saveWorkdayOverrides(db, year, source, overrides);
  return reprojectAll(db);
}
