/**
 * Load on loopback (`npm run bench load`): `gongkai serve` (a child process, demo data loaded) gets
 * BENCH_LOAD_APPLICANTS (default 200) concurrent applicants submitting online applications in a
 * closed loop, plus staff traffic (a handler listing and confirming cases, a drafter creating and
 * editing publications, the office opening the dashboard) for BENCH_LOAD_SECONDS (default 60).
 * Beside them, one client each keeps requesting a portal page, a catalogue category page, a
 * search and the static /static/site.css, so their latencies under load are side by side.
 * Afterwards the database is counted: every acknowledged application saved exactly once, nothing
 * refused saved. PGlite in its database thread (the default) and, as the "before", in process
 * (GONGKAI_PGLITE_THREAD=off); PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set.
 * BENCH_LOAD_KINDS (comma-separated: pglite-in-process, pglite, postgres) picks some of them.
 * Appends its table to bench/RESULTS.md.
 */
import { appendFileSync, cpSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../src/db/database.ts';
import { openDatabase } from '../src/db/open.ts';
import { loadDemo } from '../src/demo/load.ts';
import { todayInChina } from '../src/law/date.ts';
import { gongkaiServer, tempDataDir } from '../test/support/cli.ts';
import { freshPostgres } from '../test/support/databases.ts';
import { HttpClient } from '../test/support/http.ts';

const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const applicants = Number(process.env.BENCH_LOAD_APPLICANTS ?? 200);
const agency = 'xiangtan-xfj';
const password = 'gongkai-demo';

/**
 * Latencies of answered requests, errors, and "busy" answers (503 with Retry-After) counted apart:
 * like a person in a browser, the client then waits the Retry-After seconds before going on, so a
 * refused client does not spin (spinning clients would only measure the spin).
 */
class Stats {
  latencies: number[] = [];
  errors = 0;
  busy = 0;
  firstError = '';

  async time<T>(fn: () => Promise<T>, ok: (value: T) => boolean): Promise<T | undefined> {
    const t0 = performance.now();
    try {
      const value = await fn();
      const retryAfter = busyFor(value);
      if (retryAfter !== undefined) {
        this.busy++;
        await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
        return value;
      }
      this.latencies.push(performance.now() - t0);
      if (!ok(value)) this.fail(`unexpected answer ${JSON.stringify(value).slice(0, 200)}`);
      return value;
    } catch (error) {
      this.latencies.push(performance.now() - t0);
      this.fail(String(error));
      return undefined;
    }
  }

  fail(message: string) {
    this.errors++;
    this.firstError ||= message;
  }

  summary(wallMs: number) {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    return {
      requests: sorted.length,
      errors: this.errors,
      busy: this.busy,
      p50: pct(0.5) ?? 0,
      p99: pct(0.99) ?? 0,
      perSecond: sorted.length / (wallMs / 1000),
    };
  }
}

/** The Retry-After seconds of a 503 answer with that header; otherwise undefined. */
function busyFor(value: unknown): number | undefined {
  const answer = value as { status?: number; retryAfter?: number } | undefined;
  return answer?.status === 503 && answer.retryAfter ? answer.retryAfter : undefined;
}

const ip = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
const is2xx3xx = (r: { status: number }) => r.status >= 200 && r.status < 400;
/** A submission is acknowledged by a redirect to its receipt (or, before that, the receipt page). */
const acknowledged = (r: { status: number; text: string; location: string | null }) =>
  (r.status === 303 && Boolean(r.location?.includes('/apply/receipt/'))) ||
  (r.status === 200 && r.text.includes('data-query-code'));

interface Target {
  kind: string;
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

type Kind = 'pglite-in-process' | 'pglite' | 'postgres';

let demoDir: string | undefined;

/** Both PGlite kinds start from one copy of the same demo directory (loading it once). */
async function prepare(kind: Kind): Promise<Target> {
  if (kind !== 'postgres') {
    if (!demoDir) {
      demoDir = tempDataDir();
      const database = await openDatabase({ dataDir: demoDir, url: '' });
      await loadDemo(database.db);
      await database.close();
    }
    const dir = tempDataDir();
    cpSync(demoDir, dir, { recursive: true });
    const open = () => openDatabase({ dataDir: dir, url: '' });
    return {
      kind,
      env: {
        GONGKAI_DATA_DIR: dir,
        GONGKAI_PGLITE_THREAD: kind === 'pglite-in-process' ? 'off' : 'on',
      },
      open,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { database, url, drop } = await freshPostgres();
  await loadDemo(database.db);
  await database.close();
  return { kind, env: { DATABASE_URL: url }, open: () => openDatabase({ url }), drop };
}

async function loadRun(target: Target) {
  const server = gongkaiServer(
    ['serve', '--port', '0', '--host', '127.0.0.1'],
    { ...target.env, GONGKAI_TRUST_PROXY: '1' },
    /http:\/\/localhost:(\d+)\//,
  );
  const base = `http://127.0.0.1:${(await server.started)[1]}`;
  const stats = {
    apply: new Stats(),
    staff: new Stats(),
    portal: new Stats(),
    category: new Stats(),
    search: new Stats(),
    static: new Stats(),
  };
  const acked = new Set<string>();
  const refused = new Set<string>();
  const marker = `负载测试${Date.now()}`;
  let counter = 0;
  try {
    const home = await new HttpClient(base).get(`/a/${agency}/statutory`);
    const slug = home.text.match(new RegExp(`/a/${agency}/catalog/([^"]+)"`))?.[1];
    if (!slug) throw new Error('no catalogue category on the 法定主动公开内容 page');
    const end = Date.now() + seconds * 1000;
    const running = () => Date.now() < end;
    const started = performance.now();

    const applicant = async (i: number) => {
      const client = new HttpClient(base, { 'x-forwarded-for': ip(i) });
      // The form gives the CSRF token: open it again after a busy answer.
      while (running()) {
        const form = await stats.apply.time(() => client.get(`/a/${agency}/apply`), is2xx3xx);
        if (form?.status !== 503) break;
      }
      while (running()) {
        const n = ++counter;
        const description = `${marker}-${n}：某年度信访事项统计数据`;
        const res = await stats.apply.time(
          () =>
            client.post(
              `/a/${agency}/apply`,
              {
                applicantKind: 'person',
                name: `申请人${n}`,
                idType: '居民身份证',
                idNumber: '11010519491231002X',
                phone: `139${String(n).padStart(8, '0')}`,
                address: '湖南省湘潭县',
                description,
                form: '纸质',
                delivery: '邮寄',
              },
              { 'x-forwarded-for': ip(100_000 + n) },
            ),
          acknowledged,
        );
        if (res && acknowledged(res)) acked.add(description);
        else if (res) refused.add(description);
      }
    };

    const staffLoop = async (username: string, step: (c: HttpClient) => Promise<unknown>) => {
      const client = new HttpClient(base, { 'x-forwarded-for': ip(200_000 + ++counter) });
      // Under overload a login can be refused (503) or reset: count it and try again.
      while (
        running() &&
        !(await stats.staff.time(() => client.login(username, password), Boolean))
      );
      while (running()) await step(client);
    };
    const cases = `/admin/${agency}/cases`;
    const handlerStep = async (client: HttpClient) => {
      const list = await stats.staff.time(() => client.get(`${cases}?view=pending`), is2xx3xx);
      const id = list?.text.match(/href="\/admin\/[^/]+\/cases\/(\d+)"/)?.[1];
      if (!id) return;
      const page = await stats.staff.time(() => client.get(`${cases}/${id}`), is2xx3xx);
      const version = page?.text.match(/name="version" value="(\d+)"/)?.[1] ?? '1';
      await stats.staff.time(
        () =>
          client.post(`${cases}/${id}/act`, {
            action: 'Received',
            on: todayInChina(),
            method: '',
            version,
          }),
        // 200 = the form again ("updated by someone else"): a legitimate answer under contention.
        is2xx3xx,
      );
    };
    let categoryId = '';
    const drafterStep = async (client: HttpClient) => {
      const catalog = `/admin/${agency}/catalog`;
      if (!categoryId) {
        const form = await stats.staff.time(() => client.get(`${catalog}/new`), is2xx3xx);
        categoryId = form?.text.match(/<option value="(\d+)"/)?.[1] ?? '';
      }
      const fields = (title: string) => ({
        categoryId,
        title,
        docNumber: '',
        madeOn: '2025-03-01',
        issuer: '湘潭县信访局',
        topic: '',
        keywords: '',
        summary: '',
        body: `${title}。本通知自发布之日起施行。`,
      });
      const n = ++counter;
      const created = await stats.staff.time(
        () => client.post(`${catalog}/new`, fields(`${marker} 信息${n}`)),
        (r) => r.status === 303,
      );
      const path = created?.location;
      if (path)
        await stats.staff.time(
          () => client.post(`${path}/edit`, fields(`${marker} 信息${n} 修改稿`)),
          (r) => r.status === 303,
        );
    };
    const officeStep = (client: HttpClient) =>
      stats.staff.time(() => client.get(`/admin/${agency}`), is2xx3xx);

    const probe = async (stat: Stats, path: string) => {
      const client = new HttpClient(base, { 'x-forwarded-for': ip(300_000 + ++counter) });
      while (running())
        await stat.time(
          () => client.get(path),
          (r) => r.status === 200,
        );
    };

    await Promise.all([
      ...Array.from({ length: applicants }, (_, i) => applicant(i)),
      staffLoop('xfj-handler', handlerStep),
      staffLoop('xfj-drafter', drafterStep),
      staffLoop('xfj-office', officeStep),
      probe(stats.portal, `/a/${agency}/statutory`),
      probe(stats.category, `/a/${agency}/catalog/${slug}`),
      probe(stats.search, `/a/${agency}/search?q=${encodeURIComponent('信访')}`),
      probe(stats.static, '/static/site.css'),
    ]);
    const wall = performance.now() - started;
    server.child.kill('SIGTERM');
    await server.exited;

    const database = await target.open();
    let saved: { description: string; n: number }[];
    try {
      saved = rowsOf<{ description: string; n: number }>(
        await database.db.execute(sql`select request->>'description' as description, count(*)::int as n
          from applications where request->>'description' like ${`${marker}-%`} group by 1`),
      );
    } finally {
      await database.close();
    }
    const savedSet = new Map(saved.map((r) => [r.description, Number(r.n)]));
    const lost = [...acked].filter((d) => !savedSet.has(d)).length;
    const duplicated = saved.filter((r) => Number(r.n) > 1).length;
    const unexpected = [...savedSet.keys()].filter((d) => !acked.has(d)).length;
    return {
      wall,
      acked: acked.size,
      refused: refused.size,
      saved: saved.length,
      lost,
      duplicated,
      unexpected,
      stats: Object.fromEntries(
        Object.entries(stats).map(([k, s]) => [
          k,
          { ...s.summary(wall), firstError: s.firstError },
        ]),
      ) as Record<keyof typeof stats, ReturnType<Stats['summary']> & { firstError: string }>,
    };
  } finally {
    if (server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }
}

export async function run() {
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (url) process.env.TEST_DATABASE_URL = url;
  const all: Kind[] = url
    ? ['pglite-in-process', 'pglite', 'postgres']
    : ['pglite-in-process', 'pglite'];
  const wanted = process.env.BENCH_LOAD_KINDS?.split(',');
  const kinds = all.filter((kind) => !wanted || wanted.includes(kind));
  const load = loadavg()[0];
  const rows: string[] = [];
  const failures: string[] = [];
  for (const kind of kinds) {
    const target = await prepare(kind);
    try {
      const r = await loadRun(target);
      console.log(kind, JSON.stringify(r));
      const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
      const cell = (s: (typeof r.stats)['apply']) =>
        `${s.requests} / ${s.busy} / ${s.errors} | ${f(s.p50)} / ${f(s.p99)} | ${f(s.perSecond)}`;
      rows.push(
        `| ${kind} | ${r.acked} / ${r.saved} / ${r.lost} / ${r.duplicated} / ${r.unexpected} | ${cell(r.stats.apply)} | ${cell(r.stats.staff)} | ${cell(r.stats.portal)} | ${cell(r.stats.category)} | ${cell(r.stats.search)} | ${cell(r.stats.static)} |`,
      );
      const errors = Object.entries(r.stats).filter(([, s]) => s.errors > 0);
      for (const [name, s] of errors)
        failures.push(`${kind} ${name}: ${s.errors} errors, first: ${s.firstError}`);
      if (r.lost || r.duplicated || r.unexpected)
        failures.push(
          `${kind}: lost ${r.lost}, duplicated ${r.duplicated}, unexpected ${r.unexpected}`,
        );
    } finally {
      await target.drop();
    }
  }
  if (demoDir) rmSync(demoDir, { recursive: true, force: true });
  const table = [
    '',
    `## Load: ${applicants} concurrent applicants plus staff for ${seconds} s on loopback`,
    '',
    `Command: \`npm run bench load\` (BENCH_LOAD_SECONDS=${seconds}, BENCH_LOAD_APPLICANTS=${applicants}, kinds ${kinds.join(', ')}). pglite-in-process is the embedded database on the HTTP thread as before issue 14 (GONGKAI_PGLITE_THREAD=off); pglite is its own worker thread (the default). Machine: 2 cores, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}, 1-min load average ${load.toFixed(1)} at the start (other work shares the cores). Server: \`gongkai serve\` child process with the demo loaded; clients in the bench process (global fetch, keep-alive).`,
    '',
    '| database | applications acknowledged / saved / lost / duplicated / saved but not acknowledged | apply (form + submit): answered / busy (503) / errors | p50 / p99 ms | req/s | staff: answered / busy / errors | p50 / p99 ms | req/s | portal page: answered / busy / errors | p50 / p99 ms | req/s | category page: answered / busy / errors | p50 / p99 ms | req/s | search: answered / busy / errors | p50 / p99 ms | req/s | /static/site.css: answered / busy / errors | p50 / p99 ms | req/s |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    'Applicants run a closed loop without think time (each waits for its answer, then submits again), so the request rate is what the server sustains; portal, category, search and static columns are one client each, requesting in a loop beside the load. Staff: the handler lists pending cases, opens one and confirms receipt; the drafter creates and edits a publication; the office opens the dashboard. An error is a network failure or an unexpected status (a submission must answer with its receipt); a 503 with Retry-After is counted as busy, not as an error, and its client waits the Retry-After seconds before its next request, as a person would (before issue 14 point 0 the clients retried at once and measured their own spin); p50/p99 are over answered requests. Counting afterwards: each acknowledged submission is in the database exactly once.',
    '',
  ].join('\n');
  // BENCH_RECORD=0: a trial run, not recorded.
  if (process.env.BENCH_RECORD !== '0')
    appendFileSync(new URL('./RESULTS.md', import.meta.url), table);
  console.log(table);
  if (failures.length > 0) throw new Error(failures.join('\n'));
}
