/**
 * Crash safety: runs `gongkai serve` as a child process, streams online applications, receipt
 * confirmations and publication edits at it over HTTP, kills it with SIGKILL at random points,
 * restarts it, and afterwards checks that every acknowledged write is there exactly once and that
 * event logs, projections and the audit log agree. Used by test/reliability/crash.test.ts (short)
 * and bench/crash.bench.ts (long).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { derive } from '../../src/cases/derive.ts';
import type { CaseEvent } from '../../src/cases/events.ts';
import { upsertAgency } from '../../src/db/agencies.ts';
import { loadCalendar } from '../../src/db/calendar.ts';
import { listCategories } from '../../src/db/catalogCategories.ts';
import { type Database, rowsOf } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/open.ts';
import { createUser, grantRole } from '../../src/db/users.ts';
import { demoAgency, demoCounty } from '../../src/demo/agencies.ts';
import { todayInChina } from '../../src/law/date.ts';
import { gongkaiServer, tempDataDir } from '../support/cli.ts';
import { freshPostgres } from '../support/databases.ts';
import { HttpClient } from '../support/http.ts';

export interface CrashOptions {
  kind: 'pglite' | 'postgres';
  /** Kill/restart cycles. */
  rounds: number;
  /**
   * The server is killed after a random number (1…maxAcks) of acknowledged writes in the round,
   * 1–3 of them publication edits, plus a random 0…jitterMs: random points that do not
   * depend on how fast the machine is.
   */
  maxAcks: number;
  jitterMs: number;
  /** Concurrent applicants streaming submissions. */
  applicants: number;
  seed: number;
  /** Extra environment for the server (e.g. GONGKAI_PGLITE_FSYNC=off). */
  env?: Record<string, string>;
}

export interface CrashResult {
  kind: string;
  seed: number;
  rounds: number;
  acked: { applications: number; receipts: number; publicationOps: number };
  inDoubt: number;
  /** Rows found afterwards (ours). */
  found: { applications: number; events: number; publications: number; publicationEvents: number };
  /** Kills that left a PGlite lock file behind (then taken over at restart). */
  staleLocks: number;
  restartMs: number[];
  /** Anything wrong: lost or duplicated writes, projections that disagree with their logs. */
  violations: string[];
}

const agencyCode = demoAgency.code;
const password = 'gongkai-demo';

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the clients sent and what the server acknowledged. */
class Ledger {
  /** marker → query code, for acknowledged submissions. */
  applications = new Map<string, string>();
  /** markers sent without an answer (the server died): may or may not be saved. */
  applicationsInDoubt = new Set<string>();
  /** markers answered with a refusal (4xx): must not be saved. */
  applicationsRefused = new Set<string>();
  receipts = new Set<number>();
  receiptsInDoubt = new Set<number>();
  /** publication id → acknowledged title and status; the next unanswered change, if any. */
  publications = new Map<
    number,
    { title: string; status: string; pending?: { title: string; status: string } }
  >();
  publicationTitlesInDoubt = new Set<string>();
  publicationOps = 0;
  errors: string[] = [];

  acks() {
    return this.applications.size + this.receipts.size + this.publicationOps;
  }
}

export async function crashRun(options: CrashOptions): Promise<CrashResult> {
  const rnd = random(options.seed);
  const target = await prepare(options.kind);
  const ledger = new Ledger();
  const restartMs: number[] = [];
  let staleLocks = 0;
  let counter = 0;
  try {
    for (let round = 0; round < options.rounds; round++) {
      const t0 = performance.now();
      const server = gongkaiServer(
        ['serve', '--port', '0', '--host', '127.0.0.1'],
        { ...target.env, ...options.env },
        /http:\/\/localhost:(\d+)\//,
      );
      const port = (await server.started)[1];
      restartMs.push(performance.now() - t0);
      const base = `http://127.0.0.1:${port}`;
      let stopped = false;
      const next = () => ++counter;
      const workers = [
        ...Array.from({ length: options.applicants }, () =>
          applicant(base, ledger, () => stopped, next, options.seed),
        ),
        handler(base, ledger, () => stopped, next),
        drafter(base, ledger, () => stopped, next, target.categoryId, options.seed),
      ];
      const acks = 1 + Math.floor(rnd() * options.maxAcks);
      const publicationAcks = 1 + Math.floor(rnd() * 3);
      const before = { total: ledger.acks(), publications: ledger.publicationOps };
      const deadline = Date.now() + 120_000;
      while (
        (ledger.acks() - before.total < acks ||
          ledger.publicationOps - before.publications < publicationAcks) &&
        Date.now() < deadline
      )
        await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, rnd() * options.jitterMs));
      server.child.kill('SIGKILL');
      await server.exited;
      stopped = true;
      await Promise.all(workers);
      if (target.lockFile && existsSync(target.lockFile)) {
        const owner = Number(readFileSync(target.lockFile, 'utf8'));
        if (owner === server.child.pid) staleLocks++;
      }
    }
    // Opening the database after the last kill recovers it (and takes over the PGlite lock).
    const database = await target.open();
    try {
      const { violations, found } = await verify(database, ledger, options.seed);
      return {
        kind: options.kind,
        seed: options.seed,
        rounds: options.rounds,
        acked: {
          applications: ledger.applications.size,
          receipts: ledger.receipts.size,
          publicationOps: ledger.publicationOps,
        },
        inDoubt:
          ledger.applicationsInDoubt.size +
          ledger.receiptsInDoubt.size +
          ledger.publicationTitlesInDoubt.size +
          [...ledger.publications.values()].filter((p) => p.pending).length,
        found,
        staleLocks,
        restartMs,
        violations: [...ledger.errors, ...violations],
      };
    } finally {
      await database.close();
    }
  } finally {
    await target.drop();
  }
}

interface Target {
  env: Record<string, string>;
  lockFile?: string;
  categoryId: number;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

/** A fresh database with the demo agency, a drafter and a handler (not the whole demo: fast). */
export async function prepare(kind: 'pglite' | 'postgres'): Promise<Target> {
  const common = { GONGKAI_TRUST_PROXY: '1' };
  if (kind === 'pglite') {
    const dir = tempDataDir();
    const open = () => openDatabase({ dataDir: dir, url: '' });
    const database = await open();
    const categoryId = await seed(database);
    await database.close();
    return {
      env: { ...common, GONGKAI_DATA_DIR: dir },
      lockFile: join(dir, 'gongkai.lock'),
      categoryId,
      open,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { database, url, drop } = await freshPostgres();
  const categoryId = await seed(database);
  await database.close();
  return {
    env: { ...common, DATABASE_URL: url },
    categoryId,
    open: () => openDatabase({ url }),
    drop,
  };
}

async function seed(database: Database): Promise<number> {
  const db = database.db;
  const county = await upsertAgency(db, demoCounty);
  const agency = await upsertAgency(db, { ...demoAgency, parentId: county.id });
  for (const role of ['drafter', 'handler'] as const) {
    const user = await createUser(db, { username: `xfj-${role}`, password });
    await grantRole(db, user.id, agency.id, role);
  }
  return (await listCategories(db, agency.id))[0].id;
}

const ip = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** True for a failure of the connection (the server died), not an HTTP answer. */
const isNetworkError = (error: unknown) => error instanceof TypeError;

async function applicant(
  base: string,
  ledger: Ledger,
  stopped: () => boolean,
  next: () => number,
  seed: number,
) {
  const client = new HttpClient(base, { 'x-forwarded-for': ip(next()) });
  try {
    await client.get(`/a/${agencyCode}/apply`);
  } catch (error) {
    if (!isNetworkError(error)) throw error;
    return;
  }
  while (!stopped()) {
    const n = next();
    const marker = `崩溃测试${seed}-${n}：某年度信访事项统计数据`;
    try {
      const res = await client.submit(
        `/a/${agencyCode}/apply`,
        {
          applicantKind: 'person',
          name: `申请人${n}`,
          idType: '居民身份证',
          idNumber: '11010519491231002X',
          phone: `139${String(n).padStart(8, '0')}`,
          address: '湖南省湘潭县',
          description: marker,
          form: '纸质',
          delivery: '邮寄',
        },
        { 'x-forwarded-for': ip(n) },
      );
      const code = res.text.match(/data-query-code="([A-Z0-9]+)"/)?.[1];
      if (res.status === 200 && code) ledger.applications.set(marker, code);
      else {
        ledger.applicationsRefused.add(marker);
        ledger.errors.push(`申请提交返回 ${res.status}`);
      }
    } catch (error) {
      if (!isNetworkError(error)) throw error;
      ledger.applicationsInDoubt.add(marker);
      return;
    }
  }
}

/** Confirms receipt (Received) of pending applications through the back office. */
async function handler(base: string, ledger: Ledger, stopped: () => boolean, next: () => number) {
  const client = new HttpClient(base, { 'x-forwarded-for': ip(next()) });
  const cases = `/admin/${agencyCode}/cases`;
  try {
    if (!(await client.login('xfj-handler', password))) {
      ledger.errors.push('办理人登录失败');
      return;
    }
    while (!stopped()) {
      const list = await client.get(`${cases}?view=pending`);
      const ids = [...list.text.matchAll(/href="\/admin\/[^/]+\/cases\/(\d+)"/g)].map((m) =>
        Number(m[1]),
      );
      if (ids.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const id of ids.slice(0, 5)) {
        if (stopped()) return;
        ledger.receiptsInDoubt.add(id);
        const res = await client.post(`${cases}/${id}/act`, {
          action: 'Received',
          on: todayInChina(),
          method: '',
          version: '1',
        });
        ledger.receiptsInDoubt.delete(id);
        if (res.status === 303) ledger.receipts.add(id);
        else ledger.errors.push(`确认收到 #${id} 返回 ${res.status}`);
      }
    }
  } catch (error) {
    if (!isNetworkError(error)) throw error;
  }
}

/** Creates drafts, edits their titles and submits them for review, one after another. */
async function drafter(
  base: string,
  ledger: Ledger,
  stopped: () => boolean,
  next: () => number,
  categoryId: number,
  seed: number,
) {
  const client = new HttpClient(base, { 'x-forwarded-for': ip(next()) });
  const catalog = `/admin/${agencyCode}/catalog`;
  const fields = (title: string) => ({
    categoryId: String(categoryId),
    title,
    docNumber: '',
    madeOn: '2025-03-01',
    issuer: demoAgency.name,
    topic: '',
    keywords: '',
    summary: '',
    body: `${title}。本通知自发布之日起施行。`,
  });
  let current: number | null = null;
  try {
    if (!(await client.login('xfj-drafter', password))) {
      ledger.errors.push('拟稿人登录失败');
      return;
    }
    await client.get(`${catalog}/new`);
    while (!stopped()) {
      const n = next();
      const title = `崩溃测试${seed}-${n} 信息 第1稿`;
      current = null;
      ledger.publicationTitlesInDoubt.add(title);
      const created = await client.post(`${catalog}/new`, fields(title));
      ledger.publicationTitlesInDoubt.delete(title);
      const id = Number(created.location?.match(/\/catalog\/(\d+)$/)?.[1]);
      if (created.status !== 303 || !id) {
        ledger.errors.push(`新建信息返回 ${created.status}`);
        continue;
      }
      current = id;
      ledger.publications.set(id, { title, status: 'draft' });
      ledger.publicationOps++;
      const revised = `崩溃测试${seed}-${n} 信息 第2稿`;
      await change(ledger, id, { title: revised, status: 'draft' }, () =>
        client.post(`${catalog}/${id}/edit`, fields(revised)),
      );
      if (stopped()) break;
      await change(ledger, id, { title: revised, status: 'review' }, () =>
        client.post(`${catalog}/${id}/submit`, {}),
      );
    }
  } catch (error) {
    if (!isNetworkError(error)) throw error;
    if (current === null) return;
  }
}

async function change(
  ledger: Ledger,
  id: number,
  after: { title: string; status: string },
  send: () => Promise<{ status: number }>,
) {
  const entry = ledger.publications.get(id)!;
  entry.pending = after;
  const res = await send();
  entry.pending = undefined;
  if (res.status === 303) {
    entry.title = after.title;
    entry.status = after.status;
    ledger.publicationOps++;
  } else ledger.errors.push(`修改信息 #${id} 返回 ${res.status}`);
}

async function verify(database: Database, ledger: Ledger, seed: number) {
  const db = database.db;
  const violations: string[] = [];
  const prefix = `崩溃测试${seed}-`;
  const apps = rowsOf<{
    id: number;
    queryCode: string;
    marker: string;
    status: string;
    receivedOn: string | null;
    outcome: string | null;
    resolvedOn: string | null;
    replyDue: string | null;
    version: number;
  }>(
    await db.execute(sql`select id, query_code as "queryCode", request->>'description' as marker,
      status, received_on::text as "receivedOn", outcome, resolved_on::text as "resolvedOn",
      reply_due::text as "replyDue", version
      from applications where request->>'description' like ${`${prefix}%`}`),
  );
  const byMarker = new Map<string, (typeof apps)[number]>();
  for (const row of apps) {
    if (byMarker.has(row.marker)) violations.push(`重复的申请：${row.marker}`);
    byMarker.set(row.marker, row);
    const known = ledger.applications.has(row.marker) || ledger.applicationsInDoubt.has(row.marker);
    if (!known) violations.push(`多出的申请（未提交或被拒绝）：${row.marker}`);
  }
  for (const [marker, code] of ledger.applications) {
    const row = byMarker.get(marker);
    if (!row) violations.push(`丢失已确认的申请：${marker}`);
    else if (row.queryCode !== code)
      violations.push(`查询码不符：${marker} ${row.queryCode} ≠ ${code}`);
  }
  const byId = new Map(apps.map((row) => [row.id, row]));
  for (const id of ledger.receipts) {
    if (!byId.get(id)?.receivedOn) violations.push(`丢失已确认的“收到申请”：#${id}`);
  }

  // Event log ↔ projection ↔ audit, for every application (not only the acknowledged ones).
  const calendar = await loadCalendar(db);
  const events = rowsOf<{ applicationId: number; seq: number; data: CaseEvent }>(
    await db.execute(sql`select application_id as "applicationId", seq, data
      from application_events order by application_id, seq`),
  );
  const eventsOf = new Map<number, { seq: number; data: CaseEvent }[]>();
  for (const e of events) {
    const list = eventsOf.get(e.applicationId) ?? [];
    list.push(e);
    eventsOf.set(e.applicationId, list);
  }
  const audits = new Map(
    rowsOf<{ target: string; n: number }>(
      await db.execute(sql`select target, count(*)::int as n from audit_log
        where action like 'case.%' group by target`),
    ).map((r) => [r.target, Number(r.n)]),
  );
  for (const row of apps) {
    const log = eventsOf.get(row.id) ?? [];
    if (log.length !== row.version || log.some((e, i) => e.seq !== i + 1))
      violations.push(`#${row.id} 事件序号与版本不符（${log.length} 件，版本 ${row.version}）`);
    const state = derive(
      calendar,
      log.map((e) => e.data),
    );
    const expected = {
      status: state.status,
      receivedOn: state.receivedOn,
      outcome: state.outcome,
      resolvedOn: state.resolvedOn,
      replyDue: state.outcome === null ? (state.clock?.due ?? null) : null,
    };
    const actual = {
      status: row.status,
      receivedOn: row.receivedOn,
      outcome: row.outcome,
      resolvedOn: row.resolvedOn,
      replyDue: row.replyDue,
    };
    if (JSON.stringify(expected) !== JSON.stringify(actual))
      violations.push(
        `#${row.id} 投影与事件推导不符：${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`,
      );
    if ((audits.get(`application:${row.id}`) ?? 0) !== log.length)
      violations.push(
        `#${row.id} 审计记录 ${audits.get(`application:${row.id}`) ?? 0} 条，事件 ${log.length} 件`,
      );
  }

  // Publications: the review trail replayed gives the stored status; acknowledged edits are there.
  const pubs = rowsOf<{ id: number; title: string; status: string; step: number }>(
    await db.execute(sql`select id, title, status, step from publications
      where title like ${`${prefix}%`}`),
  );
  const trail = rowsOf<{ publicationId: number; kind: string; step: number | null }>(
    await db.execute(sql`select publication_id as "publicationId", kind, step
      from publication_events order by publication_id, id`),
  );
  const trailOf = new Map<number, { kind: string; step: number | null }[]>();
  for (const e of trail) {
    const list = trailOf.get(e.publicationId) ?? [];
    list.push(e);
    trailOf.set(e.publicationId, list);
  }
  const pubAudits = new Map(
    rowsOf<{ target: string; n: number }>(
      await db.execute(sql`select target, count(*)::int as n from audit_log
        where action like 'catalog.%' group by target`),
    ).map((r) => [r.target, Number(r.n)]),
  );
  let publicationEvents = 0;
  for (const pub of pubs) {
    const list = trailOf.get(pub.id) ?? [];
    publicationEvents += list.length;
    const replayed = replayTrail(list);
    if (replayed.status !== pub.status || replayed.step !== pub.step)
      violations.push(
        `信息 #${pub.id} 状态 ${pub.status}/${pub.step} 与审核记录推导 ${replayed.status}/${replayed.step} 不符`,
      );
    const audited = pubAudits.get(`publication:${pub.id}`) ?? 0;
    if (audited !== list.length)
      violations.push(`信息 #${pub.id} 审计记录 ${audited} 条，审核记录 ${list.length} 条`);
    const acked = ledger.publications.get(pub.id);
    if (!acked && !ledger.publicationTitlesInDoubt.has(pub.title))
      violations.push(`多出的信息：#${pub.id} ${pub.title}`);
  }
  const pubById = new Map(pubs.map((p) => [p.id, p]));
  for (const [id, acked] of ledger.publications) {
    const pub = pubById.get(id);
    if (!pub) {
      violations.push(`丢失已确认的信息：#${id}`);
      continue;
    }
    const allowed = [acked, ...(acked.pending ? [acked.pending] : [])];
    if (!allowed.some((a) => a.title === pub.title && a.status === pub.status))
      violations.push(
        `信息 #${id} 为 ${pub.title}/${pub.status}，已确认的是 ${acked.title}/${acked.status}`,
      );
  }
  return {
    violations,
    found: {
      applications: apps.length,
      events: events.filter((e) => byId.has(e.applicationId)).length,
      publications: pubs.length,
      publicationEvents,
    },
  };
}

/** Status and step from the review trail alone (created/edited keep a draft at step 0). */
function replayTrail(list: { kind: string; step: number | null }[]) {
  let status = 'draft';
  let step = 0;
  for (const e of list) {
    if (e.kind === 'submitted') [status, step] = ['review', 1];
    else if (e.kind === 'approved') step = (e.step ?? 0) + 1;
    else if (e.kind === 'published') [status, step] = ['published', e.step ?? step];
    else if (e.kind === 'rejected') [status, step] = ['draft', 0];
    else if (e.kind === 'withdrawn') status = 'withdrawn';
  }
  return { status, step };
}
