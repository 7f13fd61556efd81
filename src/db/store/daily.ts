/**
 * The daily reproject of the served app: once at start (a new release may carry changed law
 * tables, which live in code) and then at every Beijing midnight, when date-dependent
 * projections (overdue, validity) move on by themselves. `stop()` ends the schedule and waits
 * for a run in progress, so the database can be closed.
 */
import type { Database } from '../database.ts';
import { repeat } from '../repeat.ts';
import { type KindReprojectResult, kindLabels, reprojectAll } from './aggregates.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Milliseconds from `now` to the next midnight in China (UTC+8, no daylight saving). */
export function msToNextBeijingMidnight(now: Date): number {
  const beijing = now.getTime() + BEIJING_OFFSET_MS;
  return (Math.floor(beijing / DAY_MS) + 1) * DAY_MS - beijing;
}

export function keepProjectionsFresh(
  database: Database,
  report: (results: KindReprojectResult[]) => void = logFailures,
): { stop(): Promise<void> } {
  const run = () =>
    reprojectAll(database.db).then(report, (error: Error) => {
      console.error(`重算办理期限失败：${error.message}`);
    });
  return repeat(run, () => msToNextBeijingMidnight(new Date()), true);
}

function logFailures(results: KindReprojectResult[]): void {
  for (const { kind, failed } of results) {
    if (failed.length === 0) continue;
    const list = failed.map((f) => `${f.id}（${f.code}）`).join('、');
    console.error(
      `重算时 ${failed.length} 条${kindLabels[kind]}的事件已不符合现行规则，未改动：${list}`,
    );
  }
}
