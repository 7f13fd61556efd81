/**
 * Due-date computations per second: the law core's precomputed calendar against a naive
 * day-by-day loop, measured side by side in one run. Run: node --import tsx bench/deadline.bench.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import cd from 'chinese-days';
import { Calendar } from '../src/law/calendar.ts';
import { replyDue } from '../src/law/clock.ts';
import { fromDayNumber, toDayNumber } from '../src/law/date.ts';

export interface BenchLine {
  name: string;
  opsPerSecond: number;
}

export interface DeadlineBench {
  lines: BenchLine[];
  /** Calendar.periodEnd ÷ naive loop */
  speedup: number;
  markdown: string;
}

const SAMPLES = 4096;

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

/** The loop most code bases write: step one day at a time, look each day up in holiday sets. */
function naiveDue(
  received: string,
  n: number,
  holidays: Set<string>,
  workdays: Set<string>,
): string {
  const date = new Date(`${received}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const iso = date.toISOString().slice(0, 10);
    const day = date.getUTCDay();
    const working = workdays.has(iso) || (day !== 0 && day !== 6 && !holidays.has(iso));
    if (working) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}

function measure(
  name: string,
  fn: (date: string) => unknown,
  dates: string[],
  ms = 1000,
): BenchLine {
  for (let i = 0; i < 2000; i++) fn(dates[i % dates.length]); // warm-up
  let ops = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 256; i++) {
      const r = fn(dates[(ops + i) % dates.length]);
      sink += typeof r === 'string' ? r.length : 1;
    }
    ops += 256;
    elapsed = performance.now() - start;
  }
  if (sink < 0) console.log(sink);
  return { name, opsPerSecond: Math.round((ops / elapsed) * 1000) };
}

/** Measures, prints the table and records it in the `## Deadlines (law core)` section of RESULTS.md. */
export async function run(options: { ms?: number; record?: boolean } = {}): Promise<DeadlineBench> {
  const result = measureAll(options.ms ?? 1000);
  console.log(result.markdown);
  if (options.record ?? true) record(result.markdown);
  return result;
}

function measureAll(ms: number): DeadlineBench {
  const calendar = new Calendar();
  const dates = sampleDates();
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (let year = 2019; year <= 2027; year++) {
    for (const d of calendar.exceptions(year)) (d.workday ? workdays : holidays).add(d.date);
  }
  // The two implementations must agree before they are timed.
  for (const d of dates) {
    if (calendar.periodEnd(d, 20) !== naiveDue(d, 20, holidays, workdays)) {
      throw new Error(`mismatch for ${d}`);
    }
  }
  const lines = [
    measure(
      'Calendar.periodEnd(date, 20) — precomputed tables',
      (d) => calendar.periodEnd(d, 20),
      dates,
      ms,
    ),
    measure(
      'replyDue(calendar, [Received]) — with the Chinese trace',
      (d) =>
        replyDue(calendar, [
          { type: 'Received', receipt: { channel: 'in-person', submittedOn: d } },
        ]).due,
      dates,
      ms,
    ),
    measure(
      'replyDue(calendar, [Received], { explain: false }) — bulk projection',
      (d) =>
        replyDue(
          calendar,
          [{ type: 'Received', receipt: { channel: 'in-person', submittedOn: d } }],
          {
            explain: false,
          },
        ).due,
      dates,
      ms,
    ),
    measure(
      'naive day-by-day loop (Date + holiday Sets)',
      (d) => naiveDue(d, 20, holidays, workdays),
      dates,
      ms,
    ),
    measure('chinese-days findWorkday(20, date)', (d) => cd.findWorkday(20, d), dates, ms),
  ];
  const naive = lines.find((l) => l.name.startsWith('naive'))!;
  const speedup = lines[0].opsPerSecond / naive.opsPerSecond;
  return { lines, speedup, markdown: toMarkdown(lines, speedup) };
}

function toMarkdown(lines: BenchLine[], speedup: number): string {
  const naive = lines.find((l) => l.name.startsWith('naive'))!.opsPerSecond;
  const rows = lines.map(
    (l) =>
      `| ${l.name} | ${l.opsPerSecond.toLocaleString('en-US')} | ${(l.opsPerSecond / naive).toFixed(1)}× |`,
  );
  return [
    '| computation (20 working days, receipt dates 2019–2026) | per second | vs naive loop |',
    '|---|---:|---:|',
    ...rows,
    '',
    `Precomputed tables vs naive loop: **${speedup.toFixed(1)}×**.`,
  ].join('\n');
}

const SECTION = '## Deadlines (law core)';

function record(table: string): void {
  const file = new URL('./RESULTS.md', import.meta.url);
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`;
  const section = [
    SECTION,
    '',
    `Command: \`node --import tsx bench/deadline.bench.ts\` (or \`npm run bench deadline\`). Machine: ${machine};`,
    `measured ${new Date().toISOString().slice(0, 10)}, 1-min load average ${loadavg()[0].toFixed(1)} (other work shares the cores). Each line adds 20 working days to ${SAMPLES} receipt dates`,
    'spread over 2019–2026; the fast and naive results are checked equal before timing.',
    '',
    table,
    '',
  ].join('\n');
  let text = readFileSync(file, 'utf8');
  const start = text.indexOf(SECTION);
  if (start === -1) text = `${text.trimEnd()}\n\n${section}`;
  else {
    const next = text.indexOf('\n## ', start + SECTION.length);
    text = text.slice(0, start) + section + (next === -1 ? '' : text.slice(next + 1));
  }
  writeFileSync(file, text);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
