/**
 * Due-date computations per second: the law core (Calendar.periodEnd and replyDue, with and without
 * the Chinese trace) against naive day-by-day loops computing the same dates, side by side in one
 * run. Run: node --import tsx bench/run.ts deadline
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import cd from 'chinese-days';
import { Calendar } from '../src/law/calendar.ts';
import { replyDue } from '../src/law/clock.ts';
import { fromDayNumber, type IsoDate, toDayNumber } from '../src/law/date.ts';
import type { ClockEvent } from '../src/law/events.ts';

export interface BenchLine {
  name: string;
  opsPerSecond: number;
  /** Operations per second of CPU time used by this process: less sensitive to other load. */
  opsPerCpuSecond: number;
  /** The naive loop computing the same dates (absent for the loops themselves). */
  naive?: string;
}

export interface DeadlineBench {
  lines: BenchLine[];
  /** Calendar.periodEnd ÷ naive loop */
  speedup: number;
  markdown: string;
}

const SAMPLES = 4096;
const NAIVE = 'naive day-by-day loop (Date + holiday Sets)';
const NAIVE_HISTORY = 'naive day-by-day loop, same history';

/** Receipt dates spread over 2019–2026 (deterministic). */
function sampleDates(): string[] {
  const first = toDayNumber('2019-01-01');
  const span = toDayNumber('2026-11-30') - first;
  let seed = 42;
  const dates: string[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    dates.push(fromDayNumber(first + (seed % span)));
  }
  return dates;
}

/**
 * A typical history, logged in date order: a supplement requested 2 days after receipt and
 * received 4 days later (the clock restarts), a third party consulted 3 days after that and
 * answering 8 days later, a 10-working-day extension the next day.
 */
interface History {
  restart: IsoDate;
  sent: IsoDate;
  replied: IsoDate;
  extension: number;
  events: ClockEvent[];
}

function history(received: IsoDate): History {
  const day = toDayNumber(received);
  const on = (offset: number) => fromDayNumber(day + offset);
  const h = { restart: on(6), sent: on(9), replied: on(17), extension: 10 };
  const events: ClockEvent[] = [
    { type: 'Received', receipt: { channel: 'in-person', submittedOn: received } },
    { type: 'SupplementRequested', on: on(2), deadline: on(16) },
    { type: 'SupplementReceived', on: h.restart },
    { type: 'ConsultationSent', id: 'c1', on: h.sent, party: 'third-party', name: '某公司' },
    { type: 'ConsultationReplied', id: 'c1', on: h.replied },
    {
      type: 'Extension',
      on: on(18),
      workdays: h.extension,
      approvedBy: { role: 'office-head', name: '王主任' },
      reason: '需要检索多个年度的档案',
    },
  ];
  return { ...h, events };
}

class NaiveCalendar {
  readonly holidays = new Set<string>();
  readonly workdays = new Set<string>();

  constructor(calendar: Calendar) {
    for (let year = 2019; year <= 2027; year++) {
      for (const d of calendar.exceptions(year)) {
        (d.workday ? this.workdays : this.holidays).add(d.date);
      }
    }
  }

  /** The loop most code bases write: step one day at a time, look each day up in holiday sets. */
  due(from: string, n: number, pausedAfter = '', pausedThrough = ''): string {
    const date = new Date(`${from}T00:00:00Z`);
    let left = n;
    while (left > 0) {
      date.setUTCDate(date.getUTCDate() + 1);
      const iso = date.toISOString().slice(0, 10);
      const day = date.getUTCDay();
      const working = this.workdays.has(iso) || (day !== 0 && day !== 6 && !this.holidays.has(iso));
      const paused = iso > pausedAfter && iso <= pausedThrough;
      if (working && !paused) left -= 1;
    }
    return date.toISOString().slice(0, 10);
  }

  /** The same history: 20 + extension working days from the restart, the consultation not counted. */
  historyDue(h: History): string {
    return this.due(h.restart, 20 + h.extension, h.sent, h.replied);
  }
}

/** Operations per wall and per CPU second over `ms` milliseconds, cycling through the samples. */
function measure(fn: (i: number) => unknown, ms: number): [number, number] {
  for (let i = 0; i < 2000; i++) fn(i % SAMPLES); // warm-up
  let ops = 0;
  let sink = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 256; i++) {
      const r = fn((ops + i) % SAMPLES);
      sink += typeof r === 'string' ? r.length : 1;
    }
    ops += 256;
    elapsed = performance.now() - start;
  }
  const cpu = process.cpuUsage(cpuStart);
  if (sink < 0) console.log(sink);
  return [Math.round((ops / elapsed) * 1000), Math.round((ops / (cpu.user + cpu.system)) * 1e6)];
}

/** Measures, prints the table and records it in the `## Deadlines (law core)` section of RESULTS.md. */
export async function run(
  options: { ms?: number; rounds?: number; record?: boolean } = {},
): Promise<DeadlineBench> {
  const loadBefore = loadavg()[0];
  const result = measureAll(options.ms ?? 1000, options.rounds ?? 3);
  console.log(result.markdown);
  if (options.record ?? true) record(result.markdown, [loadBefore, loadavg()[0]]);
  return result;
}

interface Case {
  name: string;
  fn: (i: number) => unknown;
  naive?: string;
}

/** Runs every case `rounds` times, one round after another, and keeps each case's median. */
function measureAll(ms: number, rounds: number): DeadlineBench {
  const cases = benchCases();
  const samples: [number, number][][] = cases.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, c] of cases.entries()) samples[i].push(measure(c.fn, ms));
  }
  const lines = cases.map((c, i) => ({
    name: c.name,
    opsPerSecond: median(samples[i].map((s) => s[0])),
    opsPerCpuSecond: median(samples[i].map((s) => s[1])),
    naive: c.naive,
  }));
  const speedup = lines[0].opsPerSecond / lines[3].opsPerSecond;
  return { lines, speedup, markdown: toMarkdown(lines, rounds) };
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function benchCases(): Case[] {
  const calendar = new Calendar();
  const naive = new NaiveCalendar(calendar);
  const dates = sampleDates();
  const received = dates.map((d): ClockEvent[] => [
    { type: 'Received', receipt: { channel: 'in-person', submittedOn: d } },
  ]);
  const histories = dates.map(history);
  checkAgreement(calendar, naive, dates, received, histories);
  const quiet = { explain: false };
  return [
    {
      name: 'Calendar.periodEnd(date, 20) — precomputed tables',
      fn: (i) => calendar.periodEnd(dates[i], 20),
      naive: NAIVE,
    },
    {
      name: 'replyDue([Received], { explain: false })',
      fn: (i) => replyDue(calendar, received[i], quiet).due,
      naive: NAIVE,
    },
    {
      name: 'replyDue([Received]) — with the Chinese trace',
      fn: (i) => replyDue(calendar, received[i]).due,
      naive: NAIVE,
    },
    { name: NAIVE, fn: (i) => naive.due(dates[i], 20) },
    {
      name: 'chinese-days findWorkday(20, date)',
      fn: (i) => cd.findWorkday(20, dates[i]),
      naive: NAIVE,
    },
    {
      name: 'replyDue(typical history, { explain: false })',
      fn: (i) => replyDue(calendar, histories[i].events, quiet).due,
      naive: NAIVE_HISTORY,
    },
    {
      name: 'replyDue(typical history) — with the Chinese trace',
      fn: (i) => replyDue(calendar, histories[i].events).due,
      naive: NAIVE_HISTORY,
    },
    { name: NAIVE_HISTORY, fn: (i) => naive.historyDue(histories[i]) },
  ];
}

/** The fast and naive computations must agree before they are timed. */
function checkAgreement(
  calendar: Calendar,
  naive: NaiveCalendar,
  dates: string[],
  received: ClockEvent[][],
  histories: History[],
): void {
  for (let i = 0; i < SAMPLES; i++) {
    const due = naive.due(dates[i], 20);
    const dueAfterHistory = naive.historyDue(histories[i]);
    const agree =
      calendar.periodEnd(dates[i], 20) === due &&
      replyDue(calendar, received[i], { explain: false }).due === due &&
      replyDue(calendar, received[i]).due === due &&
      replyDue(calendar, histories[i].events, { explain: false }).due === dueAfterHistory &&
      replyDue(calendar, histories[i].events).due === dueAfterHistory;
    if (!agree) throw new Error(`mismatch for ${dates[i]}`);
  }
}

function toMarkdown(lines: BenchLine[], rounds: number): string {
  const byName = new Map(lines.map((l) => [l.name, l]));
  const rows = lines.map((l) => {
    const naive = l.naive === undefined ? l : byName.get(l.naive)!;
    const ratio = l.opsPerSecond / naive.opsPerSecond;
    const cpuRatio = l.opsPerCpuSecond / naive.opsPerCpuSecond;
    return `| ${l.name} | ${count(l.opsPerSecond)} | ${ratio.toFixed(1)}× | ${count(l.opsPerCpuSecond)} | ${cpuRatio.toFixed(1)}× |`;
  });
  return [
    `| computation (receipt dates 2019–2026), median of ${rounds} | per second | vs its naive loop | per CPU second | vs its naive loop |`,
    '|---|---:|---:|---:|---:|',
    ...rows.slice(0, 5),
    '| *typical history: supplement, consultation, 10-day extension* | | | | |',
    ...rows.slice(5),
  ].join('\n');
}

const SECTION = '## Deadlines (law core)';

function record(table: string, load: [number, number]): void {
  const file = new URL('./RESULTS.md', import.meta.url);
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`;
  const section = [
    SECTION,
    '',
    `Command: \`node --import tsx bench/run.ts deadline\` (or \`npm run bench deadline\`). Machine: ${machine};`,
    `measured ${new Date().toISOString().slice(0, 10)}, 1-min load average ${load[0].toFixed(1)} at the start, ${load[1].toFixed(1)} at the end`,
    `(other work shares the cores). ${SAMPLES} receipt dates spread over 2019–2026. The first group adds 20 working days`,
    'to the receipt date; the second replays a typical history (supplement requested and received, a',
    'third-party consultation answered after 8 days, a 10-working-day extension) and its naive loop counts',
    '30 working days from the supplement, skipping the consultation days. Every fast result is checked equal',
    'to its naive loop before timing; each line is the median of rounds run one after another. "Per CPU',
    'second" divides by the CPU time this process was given, which other work on the cores affects less.',
    '',
    table,
    '',
  ].join('\n');
  let text = readFileSync(file, 'utf8');
  const start = text.indexOf(SECTION);
  if (start === -1) text = `${text.trimEnd()}\n\n${section}`;
  else {
    const next = text.indexOf('\n## ', start + SECTION.length);
    text = text.slice(0, start) + section + (next === -1 ? '' : `\n${text.slice(next + 1)}`);
  }
  writeFileSync(file, text);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
