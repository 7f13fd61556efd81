import { z } from 'zod';
import { GongkaiError } from '../errors.ts';
import type { WorkdaySchedule } from './calendar.ts';
import { fromDayNumber, isIsoDate, MAX_YEAR, MIN_YEAR, toDayNumber } from './date.ts';

/**
 * The import format for one year's State Council holiday notice (docs/calendar.md):
 * `{ "year": 2027, "source": "国办发明电〔2026〕…号", "holidays": [...], "workdays": [...] }`,
 * each entry a date, `{ "date", "name" }` or a range `{ "from", "to", "name" }`.
 */
const isoDate = z.string({ error: '应为 YYYY-MM-DD 格式的日期' }).refine(isIsoDate, {
  error: '应为 YYYY-MM-DD 格式的真实日期',
});

const name = z
  .string({ error: '名称应为文字' })
  .trim()
  .min(1, { error: '名称不能为空' })
  .optional();

const entry = z.union(
  [isoDate, z.object({ date: isoDate, name }), z.object({ from: isoDate, to: isoDate, name })],
  { error: '应为日期字符串、{ "date", "name" } 或 { "from", "to", "name" }' },
);

export const scheduleFileSchema = z.strictObject(
  {
    year: z
      .number({ error: 'year 应为年份数字' })
      .int({ error: 'year 应为整数' })
      .min(MIN_YEAR, { error: `year 应在${MIN_YEAR}—${MAX_YEAR}之间` })
      .max(MAX_YEAR, { error: `year 应在${MIN_YEAR}—${MAX_YEAR}之间` }),
    source: z
      .string({ error: 'source 应为通知名称或文号' })
      .trim()
      .min(1, { error: 'source 不能为空：请写明国务院办公厅通知的文号' }),
    holidays: z.array(entry, { error: 'holidays 应为数组' }),
    workdays: z.array(entry, { error: 'workdays 应为数组' }).default([]),
  },
  { error: objectError('应为包含 year、source、holidays、workdays 的对象') },
);

export type ScheduleFile = z.infer<typeof scheduleFileSchema>;
type Entry = z.infer<typeof entry>;

/** Validates a parsed JSON schedule file; throws `law.schedule.invalid` listing every problem in Chinese. */
export function parseScheduleFile(json: unknown): WorkdaySchedule {
  const parsed = scheduleFileSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${pathOf(i.path)}：${i.message}`);
    throw invalid(lines);
  }
  const file = parsed.data;
  const problems: string[] = [];
  const days = new Map<number, { workday: boolean; name: string | null }>();
  const add = (list: Entry[], workday: boolean, key: string) => {
    list.forEach((item, index) => {
      const { from, to, label } = expand(item);
      if (to < from) problems.push(`${key}[${index}]：结束日期早于开始日期`);
      else if (to - from > 31) problems.push(`${key}[${index}]：日期范围超过31天`);
      for (let day = from; day <= to; day++) {
        const date = fromDayNumber(day);
        if (!inScheduleYear(day, file.year)) {
          problems.push(`${key}[${index}]：${date} 不在${file.year}年（或上年12月）范围内`);
        } else if (days.has(day)) {
          problems.push(`${key}[${index}]：${date} 重复出现`);
        } else {
          days.set(day, { workday, name: label });
        }
      }
    });
  };
  add(file.holidays, false, 'holidays');
  add(file.workdays, true, 'workdays');
  if (problems.length > 0) throw invalid(problems);
  const overrides = [...days.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, d]) => ({ day: fromDayNumber(day), workday: d.workday, name: d.name }));
  return { year: file.year, source: file.source, overrides };
}

function expand(item: Entry): { from: number; to: number; label: string | null } {
  if (typeof item === 'string')
    return { from: toDayNumber(item), to: toDayNumber(item), label: null };
  if ('date' in item) {
    const day = toDayNumber(item.date);
    return { from: day, to: day, label: item.name ?? null };
  }
  return { from: toDayNumber(item.from), to: toDayNumber(item.to), label: item.name ?? null };
}

// A notice may start in the previous December (元旦 on 12-30 … 01-01).
function inScheduleYear(day: number, year: number): boolean {
  return day >= toDayNumber(`${year - 1}-12-01`) && day <= toDayNumber(`${year}-12-31`);
}

function objectError(message: string) {
  return (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `不认识的字段：${(issue.keys ?? []).join('、')}` : message;
}

function pathOf(path: PropertyKey[]): string {
  if (path.length === 0) return '文件';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`))
    .join('');
}

function invalid(lines: string[]): GongkaiError {
  return new GongkaiError('law.schedule.invalid', `节假日安排文件有误：\n${lines.join('\n')}`, {
    problems: lines,
  });
}
