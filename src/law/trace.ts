import type { NoticeDay } from './bundled.ts';
import type { Calendar } from './calendar.ts';
import { type DayNumber, fromDayNumber } from './date.ts';

/** Working days with `from < day <= to` are not counted (征求意见, 缴费). */
export interface Pause {
  from: DayNumber;
  to: DayNumber;
}

/** Sorts and merges overlapping or touching pauses. */
export function mergePauses(pauses: Pause[]): Pause[] {
  const sorted: Pause[] = [];
  for (const p of pauses) if (p.to > p.from) sorted.push(p);
  if (sorted.length > 1) sorted.sort(byFrom);
  const merged: Pause[] = [];
  for (const p of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else merged.push({ from: p.from, to: p.to });
  }
  return merged;
}

function byFrom(a: Pause, b: Pause): number {
  return a.from - b.from;
}

/** Paused working days up to and including `through` (pauses merged). */
export function pausedWorkdays(calendar: Calendar, merged: Pause[], through = Infinity): number {
  let count = 0;
  for (const p of merged) {
    if (p.from >= through) break;
    count += calendar.countWorkdaysOn(p.from, Math.min(p.to, through));
  }
  return count;
}

export function formatRange(from: DayNumber, to: DayNumber): string {
  return from === to ? fromDayNumber(from) : `${fromDayNumber(from)}至${fromDayNumber(to)}`;
}

/**
 * The readable lines of a count from `anchor` (exclusive) to `end`: day 1, the holidays skipped,
 * the make-up working days counted, and the last day. Ordinary weekdays and weekends are not listed.
 */
export function describeCount(
  calendar: Calendar,
  anchor: DayNumber,
  end: DayNumber,
  pauses: Pause[] = [],
): string[] {
  const merged = mergePauses(pauses);
  const total = ordinal(calendar, anchor, merged, end);
  if (total <= 0) return [];

  let first = calendar.addWorkdaysOn(anchor, 1);
  while (inPause(merged, first)) first = calendar.addWorkdaysOn(first, 1);

  const listed: NoticeDay[] = [];
  for (const d of calendar.listedBetween(anchor, end)) if (!inPause(merged, d.day)) listed.push(d);
  const lines: { day: DayNumber; text: string }[] = [];
  const notes = new Map<DayNumber, string>();
  for (const d of listed) if (d.workday) notes.set(d.day, makeupNote(d));

  lines.push({ day: first, text: dayLine(1, first, notes.get(first)) });
  for (const group of holidayGroups(listed)) {
    const from = group[0].day;
    const to = group[group.length - 1].day;
    const days = to > from ? `（${to - from + 1}天）` : '';
    lines.push({ day: from, text: `跳过${holidayName(group)}：${formatRange(from, to)}${days}` });
  }
  for (const [day, note] of notes) {
    if (day !== first && day !== end) {
      lines.push({ day, text: dayLine(ordinal(calendar, anchor, merged, day), day, note) });
    }
  }
  if (end !== first) lines.push({ day: end, text: dayLine(total, end, notes.get(end)) });
  if (lines.length > 1) lines.sort(byDay);
  const texts: string[] = [];
  for (const l of lines) texts.push(l.text);
  return texts;
}

function inPause(merged: Pause[], day: DayNumber): boolean {
  for (const p of merged) if (day > p.from && day <= p.to) return true;
  return false;
}

/** The position of `day` in the count from `anchor`, paused days not counted. */
function ordinal(calendar: Calendar, anchor: DayNumber, merged: Pause[], day: DayNumber): number {
  return calendar.countWorkdaysOn(anchor, day) - pausedWorkdays(calendar, merged, day);
}

function byDay(a: { day: DayNumber }, b: { day: DayNumber }): number {
  return a.day - b.day;
}

function dayLine(n: number, day: DayNumber, note: string | undefined): string {
  return `第${n}个工作日：${fromDayNumber(day)}${note ? `（${note}）` : ''}`;
}

function makeupNote(d: NoticeDay): string {
  return `${d.name}调休上班`;
}

function holidayGroups(listed: NoticeDay[]): NoticeDay[][] {
  const groups: NoticeDay[][] = [];
  for (const d of listed) {
    if (d.workday) continue;
    const group = groups[groups.length - 1];
    if (group !== undefined && group[group.length - 1].day === d.day - 1) group.push(d);
    else groups.push([d]);
  }
  return groups;
}

function holidayName(group: NoticeDay[]): string {
  const names: string[] = [];
  for (const d of group) if (d.name !== '' && !names.includes(d.name)) names.push(d.name);
  return `${names.join('、')}假期`;
}

/** The note for years counted without a loaded notice. */
export function provisionalLines(years: number[]): string[] {
  return years.map(
    (y) => `注意：${y}年的国务院办公厅节假日安排尚未载入，按仅周末休息推算，结果为暂定`,
  );
}
