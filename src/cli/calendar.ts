import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importWorkdaySchedule } from '../db/calendarImport.ts';
import { openDatabase } from '../db/open.ts';
import type { KindReprojectResult } from '../db/store/aggregates.ts';
import { GongkaiError } from '../errors.ts';
import type { DayInfo, WorkdaySchedule } from '../law/calendar.ts';
import { MAX_YEAR, MIN_YEAR, toDayNumber, weekdayName } from '../law/date.ts';
import { parseScheduleFile } from '../law/schedule-file.ts';
import { reportError } from './args.ts';
import { reprojectReport } from './reproject.ts';
import { storedCalendar } from './storedCalendar.ts';

const usage = `用法：
  gongkai calendar show YEAR [--json]         查看某年的放假与调休上班安排及是否已载入通知
  gongkai calendar import FILE [--dry-run]    校验并导入某年的节假日安排（格式见 docs/calendar.md）`;

/** `gongkai calendar show YEAR | import FILE`. */
export async function run(args: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [sub, target, ...rest] = positionals;
    if (values.help || sub === undefined) {
      console.log(usage);
      return values.help ? 0 : 2;
    }
    if (rest.length > 0) throw new GongkaiError('cli.arguments', `多余的参数：${rest.join(' ')}`);
    if (sub === 'show') return await show(target, values.json);
    if (sub === 'import') return await importFile(target, values['dry-run']);
    throw new GongkaiError('cli.calendar.command', { sub });
  } catch (error) {
    return reportError(error);
  }
}

async function show(yearText: string | undefined, json: boolean): Promise<number> {
  const year = yearOf(yearText);
  const calendar = await storedCalendar();
  const coverage = calendar.coverage(year);
  const days = calendar.exceptions(year);
  if (json) {
    const pick = (d: DayInfo) => ({ date: d.date, name: d.name });
    console.log(
      JSON.stringify({
        year,
        covered: coverage.covered,
        provisional: !coverage.covered,
        source: coverage.source,
        holidays: days.filter((d) => !d.workday).map(pick),
        workdays: days.filter((d) => d.workday).map(pick),
      }),
    );
    return 0;
  }
  if (!coverage.covered) {
    console.log(`${year}年：尚未载入国务院办公厅节假日安排，按仅周末休息计算，期限均为暂定。`);
    console.log('发布通知后可用 gongkai calendar import FILE 导入（格式见 docs/calendar.md）。');
    return 0;
  }
  console.log(`${year}年节假日安排（已载入：${coverage.source}）`);
  printDays(days);
  return 0;
}

function printDays(days: { date: string; workday: boolean; name: string | null }[]): void {
  console.log('放假：');
  for (const d of days.filter((x) => !x.workday)) console.log(`  ${line(d)}`);
  console.log('调休上班：');
  const workdays = days.filter((x) => x.workday);
  if (workdays.length === 0) console.log('  （无）');
  for (const d of workdays) console.log(`  ${line(d)}`);
}

function line(d: { date: string; name: string | null }): string {
  return `${d.date} ${weekdayName(toDayNumber(d.date))}${d.name ? ` ${d.name}` : ''}`;
}

async function importFile(path: string | undefined, dryRun: boolean): Promise<number> {
  if (path === undefined)
    throw new GongkaiError('cli.calendar.file', '缺少文件：gongkai calendar import FILE');
  const schedule = parseScheduleFile(await readJson(path));
  const rest = schedule.overrides.filter((o) => !o.workday).length;
  const summary = `${schedule.year}年节假日安排（来源：${schedule.source}）：放假${rest}天，调休上班${schedule.overrides.length - rest}天`;
  if (dryRun) {
    console.log(`将载入${summary}`);
    printDays(
      schedule.overrides.map((o) => ({ date: o.day, workday: o.workday, name: o.name ?? null })),
    );
    return 0;
  }
  const results = await save(schedule);
  console.log(`已载入${summary}`);
  for (const line of reprojectReport(results)) console.log(line);
  return 0;
}

async function save(schedule: WorkdaySchedule): Promise<KindReprojectResult[]> {
  const database = await openDatabase();
  try {
    const overrides = schedule.overrides.map((o) => ({
      day: o.day,
      workday: o.workday,
      name: o.name ?? null,
    }));
    return await importWorkdaySchedule(database.db, schedule.year, schedule.source, overrides);
  } finally {
    await database.close();
  }
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new GongkaiError('cli.calendar.file', `无法读取文件：${path}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new GongkaiError(
      'cli.calendar.json',
      `${path} 不是有效的 JSON：${(error as Error).message}`,
    );
  }
}

function yearOf(text: string | undefined): number {
  const year = Number(text);
  if (text === undefined || !/^\d{4}$/.test(text) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new GongkaiError('cli.calendar.year', {
      year: text ?? '（缺少）',
      min: MIN_YEAR,
      max: MAX_YEAR,
    });
  }
  return year;
}
