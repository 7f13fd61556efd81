/**
 * 依申请公开 benchmarks (`npm run bench cases`):
 * 1. 200 concurrent online submissions over loopback HTTP: each saved once, unique query codes,
 *    p50/p99 latency;
 * 2. T3 from records for an agency with 100,000 cases and a county (10 members) with 1,000,000,
 *    against one hand-written GROUP BY as the floor.
 * PGlite always; PostgreSQL too when BENCH_DATABASE_URL is set. BENCH_CASES_SCALE (default 1)
 * scales the case counts down for a quick run.
 */
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { upsertAgency } from '../src/db/agencies.ts';
import { t3PlacementCounts } from '../src/db/casesReport.ts';
import { type Database, rowsOf } from '../src/db/database.ts';
import { openDatabase } from '../src/db/open.ts';
import { loadDemo } from '../src/demo/load.ts';
import { createApp } from '../src/web/app.tsx';
import { publicLimits } from '../src/web/portal/apply/routes.tsx';
import { listen } from '../test/support/browser.ts';
import { freshPostgres } from '../test/support/databases.ts';

const scale = Number(process.env.BENCH_CASES_SCALE ?? 1);
const SUBMISSIONS = 200;

async function submissions(database: Database) {
  process.env.GONGKAI_TRUST_PROXY = '1';
  publicLimits.apply.limit = 10;
  await loadDemo(database.db);
  const server = await listen(createApp({ database, secret: 'bench' }));
  try {
    const form = await fetch(`${server.url}/a/xiangtan-xfj/apply`);
    const cookie = (form.headers.getSetCookie()[0] ?? '').split(';')[0];
    const token = (await form.text()).match(/name="_csrf" value="([^"]+)"/)![1];
    const before = await count(database);
    const latencies: number[] = [];
    const started = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: SUBMISSIONS }, async (_, i) => {
        const body = new URLSearchParams({
          _csrf: token,
          applicantKind: 'person',
          name: `申请人${i}`,
          idType: '居民身份证',
          idNumber: '11010519491231002X',
          phone: `139${String(i).padStart(8, '0')}`,
          address: '湖南省湘潭县',
          description: `第${i}件：某年度信访事项统计数据`,
          form: '纸质',
          delivery: '邮寄',
        });
        const t0 = performance.now();
        const res = await fetch(`${server.url}/a/xiangtan-xfj/apply`, {
          method: 'POST',
          headers: {
            cookie,
            'content-type': 'application/x-www-form-urlencoded',
            'x-forwarded-for': `127.0.${i >> 8}.${i & 255}`,
          },
          body,
        });
        const text = await res.text();
        latencies.push(performance.now() - t0);
        return { status: res.status, code: text.match(/data-query-code="([A-Z0-9]+)"/)?.[1] };
      }),
    );
    const wall = performance.now() - started;
    const saved = (await count(database)) - before;
    const codes = new Set(statuses.map((s) => s.code).filter(Boolean));
    const ok = statuses.filter((s) => s.status === 200).length;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
    if (ok !== SUBMISSIONS || saved !== SUBMISSIONS || codes.size !== SUBMISSIONS) {
      throw new Error(`submissions: ok ${ok}, saved ${saved}, unique codes ${codes.size}`);
    }
    return { ok, saved, unique: codes.size, p50: pct(0.5), p99: pct(0.99), wall };
  } finally {
    await server.stop();
  }
}

async function count(database: Database): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await database.db.execute(sql`select count(*)::int as n from applications`),
  );
  return Number(row.n);
}

/** Inserts n projection rows for an agency: spread over 2024–2025, every outcome and type. */
async function seed(database: Database, agencyId: number, n: number) {
  const batch = 50_000;
  for (let from = 0; from < n; from += batch) {
    const to = Math.min(n, from + batch);
    await database.db.execute(sql`
      insert into applications (agency_id, query_code, channel, submitted_on, received_on, applicant_type,
        applicant_name, phone_digits, applicant, request, status, outcome, resolved_on, version)
      select ${agencyId}::int, md5(${agencyId}::text || '-' || g::text), 'online',
        date '2024-01-01' + (g % 700), date '2024-01-01' + (g % 700),
        (array['np','biz','res','ngo','law','oth'])[1 + g % 6], '申请人', '13800000000',
        '{"kind":"person","name":"申请人","phone":"13800000000"}'::jsonb,
        '{"description":"统计","form":"纸质","delivery":"邮寄"}'::jsonb,
        case when g % 10 = 0 then 'open' else 'closed' end,
        case when g % 10 = 0 then null else (array['open','partial','w1','w2','w3','w4','w5','w6','w7','w8','u1','u2','u3','n1','n2','n3','n4','n5','o1','o2','o3'])[1 + g % 21] end,
        case when g % 10 = 0 then null else date '2024-01-01' + (g % 700) + (g % 40) end,
        3
      from generate_series(${from}::int, ${to - 1}::int) g`);
  }
  await database.db.execute(sql`analyze applications`);
}

async function time(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function t3(database: Database, agencyIds: number[]) {
  const list = sql.join(
    agencyIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const floor = () =>
    database.db.execute(
      sql`select applicant_type, outcome, count(*) from applications where agency_id in (${list}) group by 1, 2`,
    );
  const ours = () => t3PlacementCounts(database.db, agencyIds, 2025);
  return { ours: await time(ours), floor: await time(floor) };
}

async function runOn(kind: 'pglite' | 'postgres', url?: string) {
  let drop = async () => {};
  let database: Database;
  if (kind === 'pglite') database = await openDatabase({ dataDir: 'memory://', url: '' });
  else {
    // A database of its own next to BENCH_DATABASE_URL, dropped afterwards.
    process.env.TEST_DATABASE_URL = url;
    ({ database, drop } = await freshPostgres());
  }
  try {
    const sub = await submissions(database);
    const agencyN = Math.round(100_000 * scale);
    const county = await upsertAgency(database.db, {
      code: 'bench-county',
      name: '基准县人民政府',
      kind: 'government',
    });
    const members: number[] = [];
    for (let i = 0; i < 10; i++) {
      const a = await upsertAgency(database.db, {
        code: `bench-d${i}`,
        name: `基准县部门${i}`,
        parentId: county.id,
      });
      members.push(a.id);
      await seed(database, a.id, agencyN);
    }
    const one = await t3(database, [members[0]]);
    const all = await t3(database, [county.id, ...members]);
    return { kind, sub, agencyN, one, all };
  } finally {
    await database.close();
    await drop();
  }
}

export async function run() {
  const results = [await runOn('pglite')];
  if (process.env.BENCH_DATABASE_URL)
    results.push(await runOn('postgres', process.env.BENCH_DATABASE_URL));
  const lines = [
    '',
    '## 依申请公开: concurrent submissions and T3 from records',
    '',
    `Command: \`npm run bench cases\` (BENCH_CASES_SCALE=${scale}${process.env.BENCH_DATABASE_URL ? ', BENCH_DATABASE_URL set' : ''}). Machine: 2 cores, Node ${process.version};`,
    `measured ${new Date().toISOString().slice(0, 10)}, 1-min load average ${(await import('node:os')).loadavg()[0].toFixed(1)} (other work shares the cores).`,
    '',
    '| database | 200 concurrent submissions: saved / unique codes | p50 ms | p99 ms | wall ms | T3 agency (cases) ms | floor ms | ratio | T3 county (cases) ms | floor ms | ratio |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.kind} | ${r.sub.saved} / ${r.sub.unique} | ${r.sub.p50.toFixed(0)} | ${r.sub.p99.toFixed(0)} | ${r.sub.wall.toFixed(0)} | ${r.one.ours.toFixed(0)} (${r.agencyN.toLocaleString('en')}) | ${r.one.floor.toFixed(0)} | ${(r.one.ours / r.one.floor).toFixed(2)}× | ${r.all.ours.toFixed(0)} (${(r.agencyN * 10).toLocaleString('en')}) | ${r.all.floor.toFixed(0)} | ${(r.all.ours / r.all.floor).toFixed(2)}× |`,
    ),
    '',
    "The floor is `select applicant_type, outcome, count(*) … group by 1, 2` over the agencies' rows; our query groups the",
    "same columns with the year's filter and four filtered counts (new/carried-in × resolved in the year/carried out), placed",
    'in TypeScript. Median of 5 runs after a warm-up.',
  ];
  console.log(lines.join('\n'));
  if (process.env.BENCH_NO_RECORD !== '1')
    appendFileSync(new URL('./RESULTS.md', import.meta.url), `${lines.join('\n')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
