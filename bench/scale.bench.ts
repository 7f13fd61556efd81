/**
 * Scale (`npm run bench scale`, PostgreSQL only: BENCH_DATABASE_URL or TEST_DATABASE_URL): a 县
 * with 100 member agencies and 1,000,000 applications received 2021–2025 (BENCH_SCALE_CASES),
 * bulk-inserted with generate_series in the shape the repositories write (the applications
 * projection and three events each: Submitted, Received, Decided; 2 % still open), then:
 * the county roll-up (buildAnnualReport with the members, and its T3 query alone), the county
 * status table (memberStatuses), the case search views (listCases: open, overdue) and the
 * tracking lookup (findByQueryCode), the drill-down behind a cell (casesInCell), and the county
 * page's figures in one request (countyPageFigures; and as before, its queries one after another) — each against
 * a hand-written plain-SQL floor in the same run (median of BENCH_SCALE_RUNS, default 5, after a
 * warm-up). Appends its table to bench/RESULTS.md.
 */
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { type Agency, findAgencyByCode, upsertAgency } from '../src/db/agencies.ts';
import { deadlineSettings } from '../src/db/annual.ts';
import { publicationCounts } from '../src/db/annualFacts.ts';
import { findByQueryCode } from '../src/db/cases.ts';
import { listCases } from '../src/db/casesList.ts';
import {
  casesInCell,
  t3PlacementCounts,
  t3PlacementCountsByAgency,
} from '../src/db/casesReport.ts';
import { type Database, rowsOf } from '../src/db/database.ts';
import { demoCounty } from '../src/demo/agencies.ts';
import { DECISION_IDS, decisionKind } from '../src/law/decisions.ts';
import { buildAnnualReport } from '../src/services/annual/build.ts';
import { countyReports, rollupReport } from '../src/services/annual/rollup.ts';
import { memberStatuses } from '../src/services/annual/status.ts';
import { countyPageFigures } from '../src/web/admin/reports/county.tsx';
import { countyCharts } from '../src/web/admin/reports/countyCharts.ts';
import { freshPostgres } from '../test/support/databases.ts';

const CASES = Number(process.env.BENCH_SCALE_CASES ?? 1_000_000);
const AGENCIES = 100;
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 5);
const YEAR = 2024;

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The county, its 100 departments and the applications, events and appeals. */
export async function populate(database: Database): Promise<{ county: Agency; members: number[] }> {
  const db = database.db;
  const county = await upsertAgency(db, demoCounty);
  await db.execute(sql`insert into agencies (code, name, kind, parent_id, uscc)
    select 'bench-' || g, '示例县第' || g || '部门', 'department', ${county.id},
      '1143' || lpad(g::text, 14, '0')
    from generate_series(1, ${AGENCIES}) g`);
  const members = rowsOf<{ id: number }>(
    await db.execute(sql`select id from agencies where parent_id = ${county.id} order by id`),
  ).map((r) => r.id);
  const decisions = DECISION_IDS.filter((id) => decisionKind(id).outcome !== null);
  const outcomes = decisions.map((id) => decisionKind(id).outcome as string);
  const first = members[0];
  // Case g: agency g % 100, submitted on day g % 1826 from 2021-01-01, received the next day,
  // decided 1–29 days later (2 % never: still open), applicant type mostly 自然人.
  await db.execute(sql`
    insert into applications (agency_id, query_code, channel, submitted_at, submitted_on,
      received_on, applicant_type, applicant_name, phone_digits, applicant, request, status,
      decision, outcome, resolved_on, served_on, reply_due, version, updated_at)
    select ${first} + (g % ${AGENCIES}), 'S' || lpad(g::text, 11, '0'), 'online',
      d::timestamptz, d, d + 1,
      (array['np','np','np','np','np','np','biz','biz','res','ngo','law','oth'])[1 + (g * 7) % 12],
      '申请人' || g, '139' || lpad((g % 100000000)::text, 8, '0'),
      jsonb_build_object('kind', 'person', 'name', '申请人' || g, 'phone', '139' || lpad((g % 100000000)::text, 8, '0')),
      jsonb_build_object('description', '第' || g || '件：某年度统计数据', 'form', '纸质', 'delivery', '邮寄'),
      case when open then 'open' else 'closed' end,
      case when open then null else ${JSON.stringify(decisions)}::jsonb ->> ((g * 13) % ${decisions.length})::int end,
      case when open then null else ${JSON.stringify(outcomes)}::jsonb ->> ((g * 13) % ${outcomes.length})::int end,
      case when open then null else d + 1 + (g % 29) end,
      case when open then null else d + 2 + (g % 29) end,
      case when open then d + 29 else null end,
      case when open then 2 else 3 end, d::timestamptz
    from (select g, date '2021-01-01' + (g % 1826) as d, g % 50 = 0 as open
          from generate_series(1, ${CASES}) g) s`);
  await db.execute(sql`
    insert into application_events (application_id, seq, type, "on", data, at)
    select a.id, e.seq, e.type, e.on, e.data, a.submitted_at
    from applications a
    cross join lateral (values
      (1, 'Submitted', a.submitted_on, jsonb_build_object('type', 'Submitted', 'on', a.submitted_on, 'channel', 'online')),
      (2, 'Received', a.received_on, jsonb_build_object('type', 'Received', 'on', a.received_on)),
      (3, 'Decided', a.resolved_on, jsonb_build_object('type', 'Decided', 'on', a.resolved_on, 'decision', a.decision, 'text', '答复'))
    ) e(seq, type, "on", data)
    where e.seq <= a.version`);
  await db.execute(sql`
    insert into appeals (application_id, appeal_id, agency_id, kind, body, filed_on, closed_on, outcome)
    select id, 'A1', agency_id, case when id % 2 = 0 then 'rv' else 'ld' end, '湘潭县人民政府',
      resolved_on + 30, resolved_on + 90, 'upheld'
    from applications where outcome is not null and id % 200 = 1`);
  await db.execute(sql`vacuum analyze applications`);
  await db.execute(sql`vacuum analyze application_events`);
  await db.execute(sql`vacuum analyze appeals`);
  return { county: (await findAgencyByCode(db, county.code))!, members };
}

const inList = (ids: readonly number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/** Only 依申请公开 cases count in the report (migration 0025 added the other kinds). */
const disclosure = sql`case_kind = 'disclosure'`;

/** The floors: the least SQL that could produce each answer. */
function floors(db: Database['db'], ids: number[], one: number) {
  const start = `${YEAR}-01-01`;
  const end = `${YEAR}-12-31`;
  return {
    t3: () =>
      db.execute(sql`select applicant_type, outcome, count(*) from applications
        where agency_id in (${inList(ids)}) and ${disclosure} and received_on <= ${end}
          and (resolved_on is null or outcome is null or resolved_on >= ${start})
        group by 1, 2`),
    perAgency: () =>
      db.execute(sql`select agency_id, applicant_type, outcome, count(*) from applications
        where agency_id in (${inList(ids)}) and ${disclosure} and received_on <= ${end}
          and (resolved_on is null or outcome is null or resolved_on >= ${start})
        group by 1, 2, 3`),
    /** The county page: this year per agency, the two earlier years per agency and outcome. */
    countyPage: async () => {
      const first = `${YEAR - 2}-01-01`;
      const before = `${YEAR - 1}-01-01`;
      const last = `${YEAR - 1}-12-31`;
      await db.execute(sql`select agency_id, applicant_type, outcome, count(*) from applications
        where agency_id in (${inList(ids)}) and ${disclosure} and received_on <= ${end}
          and (resolved_on is null or outcome is null or resolved_on >= ${start})
        group by 1, 2, 3`);
      await db.execute(sql`select agency_id, outcome,
          count(*) filter (where received_on < ${before}), count(*) filter (where received_on >= ${before})
        from applications
        where agency_id in (${inList(ids)}) and ${disclosure} and received_on <= ${last}
          and (resolved_on is null or outcome is null or resolved_on >= ${first})
        group by 1, 2`);
      await publicationCounts(db, ids, YEAR);
    },
    open: () =>
      db.execute(sql`select id, applicant_name, reply_due from applications
        where agency_id = ${one} and status in ('pending','open','awaitingApplicant','consulting','decided')
        order by reply_due asc nulls last, id limit 300`),
    overdue: (today: string) =>
      db.execute(sql`select id, applicant_name, reply_due from applications
        where agency_id = ${one} and outcome is null and reply_due < ${today}
        order by reply_due asc nulls last, id limit 300`),
    track: (code: string) =>
      db.execute(sql`select * from applications where agency_id = ${one} and query_code = ${code}`),
    cell: () =>
      db.execute(sql`select id from applications where agency_id = ${one} and ${disclosure}
        and received_on >= ${start} and received_on <= ${end} and applicant_type = 'np'
        and outcome = 'open' and resolved_on <= ${end} order by received_on, id limit 1000`),
  };
}

async function measure(database: Database, county: Agency, members: number[]) {
  const db = database.db;
  const ids = [county.id, ...members];
  const one = members[7];
  const floor = floors(db, ids, one);
  const code = rowsOf<{ code: string }>(
    await db.execute(
      sql`select query_code as code from applications where agency_id = ${one} limit 1 offset 50`,
    ),
  )[0].code;
  const today = '2025-06-30';
  const filter = { today, dueBy: '2025-07-03' };
  const pairs: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    [
      'county roll-up: buildAnnualReport(county, includeMembers)',
      () => buildAnnualReport(db, county, YEAR, { includeMembers: true }),
      floor.t3,
    ],
    ['county T3 query alone (t3PlacementCounts)', () => t3PlacementCounts(db, ids, YEAR), floor.t3],
    [
      'T3 of each of the 101 agencies (t3PlacementCountsByAgency)',
      () => t3PlacementCountsByAgency(db, ids, YEAR),
      floor.perAgency,
    ],
    [
      'county status table (memberStatuses, 101 reports)',
      () => memberStatuses(db, county, YEAR, today),
      floor.perAgency,
    ],
    [
      'county roll-up with its 101 parts and R16 (rollupReport)',
      () => rollupReport(db, county, YEAR),
      floor.perAgency,
    ],
    [
      'county page (charts + status table), one request (countyPageFigures)',
      () => countyPageFigures(db, county, YEAR, today),
      floor.countyPage,
    ],
    [
      'county page as before: its queries one after another (5f7340f)',
      async () => {
        const { rollup, composed } = await countyReports(db, county, YEAR);
        await memberStatuses(db, county, YEAR, today, composed);
        await countyCharts(db, YEAR, rollup);
        await deadlineSettings(db, [county.id]);
      },
      floor.countyPage,
    ],
    [
      'case list “open” of one agency (listCases)',
      () => listCases(db, one, { view: 'open', ...filter }, { page: 1, pageSize: 100 }),
      floor.open,
    ],
    [
      'case list “overdue” of one agency (listCases)',
      () => listCases(db, one, { view: 'overdue', ...filter }, { page: 1, pageSize: 100 }),
      () => floor.overdue(today),
    ],
    [
      'tracking lookup (findByQueryCode)',
      () => findByQueryCode(db, one, code),
      () => floor.track(code),
    ],
    [
      'drill-down t3.open.np of one agency (casesInCell)',
      () => casesInCell(db, [one], YEAR, 't3.open.np'),
      floor.cell,
    ],
  ];
  const out: { name: string; ours: number; floor: number }[] = [];
  for (const [name, ours, base] of pairs) {
    const f = await median(base);
    const o = await median(ours);
    out.push({ name, ours: o, floor: f });
    console.log(`${name}: ${o.toFixed(1)} ms, floor ${f.toFixed(1)} ms, ${(o / f).toFixed(2)}×`);
  }
  return out;
}

const coveringIndex = 'bench_applications_agency_received_covering';

export async function run() {
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('scale: PostgreSQL only; set BENCH_DATABASE_URL (skipped)');
    return;
  }
  process.env.TEST_DATABASE_URL = url;
  const load = loadavg()[0];
  const { database, drop } = await freshPostgres();
  try {
    const t0 = performance.now();
    const { county, members } = await populate(database);
    const loadSeconds = (performance.now() - t0) / 1000;
    const counts = rowsOf<{ apps: number; events: number; appeals: number }>(
      await database.db.execute(sql`select (select count(*) from applications)::int as apps,
        (select count(*) from application_events)::int as events,
        (select count(*) from appeals)::int as appeals`),
    )[0];
    console.log(`populated in ${loadSeconds.toFixed(0)} s`, counts);
    const explain = async () =>
      rowsOf<{ 'QUERY PLAN': string }>(
        await database.db.execute(
          sql`explain (analyze, buffers) select agency_id, applicant_type, outcome, count(*) filter (where received_on >= '2024-01-01' and resolved_on <= '2024-12-31'), count(*) filter (where received_on >= '2024-01-01' and (resolved_on > '2024-12-31' or resolved_on is null)), count(*) filter (where received_on < '2024-01-01' and resolved_on <= '2024-12-31'), count(*) filter (where received_on < '2024-01-01' and (resolved_on > '2024-12-31' or resolved_on is null)) from applications where agency_id in (${inList([county.id, ...members])}) and case_kind = 'disclosure' and received_on is not null and received_on <= '2024-12-31' and (resolved_on is null or outcome is null or resolved_on >= '2024-01-01') group by 1, 2, 3`,
        ),
      )
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    const existing = rowsOf<{ n: number }>(
      await database.db.execute(
        sql`select count(*)::int as n from pg_indexes where tablename = 'applications'
          and indexdef like '%(agency_id, case_kind, received_on, resolved_on, applicant_type, outcome)%'`,
      ),
    )[0].n;
    const results: { label: string; rows: Awaited<ReturnType<typeof measure>>; plan: string }[] =
      [];
    if (existing === 0) {
      results.push({
        label: 'without the covering index',
        rows: await measure(database, county, members),
        plan: await explain(),
      });
      await database.db.execute(
        sql.raw(`create index ${coveringIndex} on applications
          (agency_id, case_kind, received_on, resolved_on, applicant_type, outcome)`),
      );
      await database.db.execute(sql`vacuum analyze applications`);
    }
    results.push({
      label:
        existing === 0
          ? 'with the covering index (agency_id, case_kind, received_on, resolved_on, applicant_type, outcome)'
          : 'with the covering index (migration)',
      rows: await measure(database, county, members),
      plan: await explain(),
    });
    for (const r of results) console.log(`\n${r.label}:\n${r.plan}`);
    const lines = [
      '',
      `## Scale: a county of ${AGENCIES} departments and ${CASES.toLocaleString('en')} applications (2021–2025) on PostgreSQL`,
      '',
      `Command: \`npm run bench scale\` (BENCH_DATABASE_URL set, PostgreSQL 15 on the same machine, BENCH_SCALE_CASES=${CASES}). Machine: 2 cores, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}, 1-min load average ${load.toFixed(1)} at the start (other work shares the cores). Bulk load ${loadSeconds.toFixed(0)} s: ${counts.apps} applications, ${counts.events} events, ${counts.appeals} appeals; year ${YEAR}; median of ${RUNS} runs after a warm-up.`,
      '',
    ];
    for (const r of results) {
      lines.push(
        `### ${r.label}`,
        '',
        '| query | ours ms | plain-SQL floor ms | ratio |',
        '|---|---:|---:|---:|',
      );
      for (const row of r.rows)
        lines.push(
          `| ${row.name} | ${row.ours.toFixed(1)} | ${row.floor.toFixed(1)} | ${(row.ours / row.floor).toFixed(2)}× |`,
        );
      lines.push('');
    }
    lines.push(
      'Floors: T3 and the roll-up — `select applicant_type, outcome, count(*) … group by 1, 2` over the same rows; T3 per agency, the status table and the roll-up with its parts — one `group by agency_id, applicant_type, outcome` for all 101 agencies; the case lists — the same filter and order with `limit 300`; tracking — `select * … where query_code = …`; the drill-down — the same cell filter with `limit 1000`; the county page — that per-agency query for the year, one `group by agency_id, outcome` over the rows of the two earlier years and the publication counts. The roll-up also builds T2, T4 and the text sections; the status table composes and checks each of the 101 reports (and the county roll-up) from one query per table for all of them.',
      '',
    );
    const table = lines.join('\n');
    if (process.env.BENCH_RECORD !== '0')
      appendFileSync(new URL('./RESULTS.md', import.meta.url), table);
    console.log(table);
  } finally {
    await database.close();
    await drop();
  }
}
