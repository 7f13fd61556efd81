/**
 * From 1 November the State Council's notice for next year is due (usually published in
 * November–December); until it is imported, every deadline reaching into next year is provisional.
 * The reminder the admin and the office see on the dashboard while it is missing.
 */
import type { Calendar } from './calendar.ts';
import type { IsoDate } from './date.ts';

export function missingCalendarReminder(today: IsoDate, calendar: Calendar): string | null {
  if (today.slice(5) < '11-01') return null;
  const next = Number(today.slice(0, 4)) + 1;
  if (calendar.coverage(next).covered) return null;
  return (
    `${next}年的节假日安排尚未载入，涉及${next}年的期限均按仅周末休息暂定推算。` +
    `国务院办公厅公布${next}年安排后，请系统管理员将其整理为日历文件，先用` +
    `“gongkai calendar import ${next}.json --dry-run”核对，再用“gongkai calendar import ${next}.json”导入` +
    '（导入后所有已存期限立即重算；文件格式见使用文档 docs/calendar.md）。'
  );
}
