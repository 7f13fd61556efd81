/**
 * A bounded fuzz run over every registered report parser. Inputs are mutated seeds (see
 * seeds.ts, mutators.ts); input i of a target is made from a PRNG seeded by (seed, target, i),
 * so a run replays exactly. Each input is parsed in a worker thread: a reply later than
 * `hangMs` is a hang (the worker is stopped and replaced), a non-GongkaiError exception or a
 * dead worker is a crash, a result breaking the model invariants is an invariant failure. The
 * failing input is written to `test-output/fuzz/` with a note on how to replay it.
 *
 *   node --import tsx bench/fuzz/run.ts [--seed 1] [--inputs 100000] [--per-target 10000]
 *        [--minutes 10] [--workers 2] [--targets txt,docx] [--hang-ms 2000]
 *   node --import tsx bench/fuzz/run.ts --replay test-output/fuzz/<file>
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { threadCpuMs } from '../../src/jobs/threadCpu.ts';
import { type InputKind, mutate, mutationSettings } from './mutators.ts';
import { Prng } from './prng.ts';
import { loadSeeds, type SeedOptions, type Seeds } from './seeds.ts';
import { fuzzTargets, type Target } from './targets.ts';
import type { FuzzJob, FuzzReply, Outcome } from './worker.ts';

export interface FuzzOptions {
  seed?: number;
  /** Stop once this many inputs ran in total and every target has `perTarget`. */
  inputs?: number;
  perTarget?: number;
  /** Per-target minimums overriding `perTarget` (e.g. fewer for the slow docx/pdf/xlsx). */
  perTargetOf?: Record<string, number>;
  /** Wall-time bound for the whole run (seeds excluded). */
  timeBudgetMs?: number;
  hangMs?: number;
  workers?: number;
  /** Target names (`txt`, `docx` …) to fuzz; all registered parsers when absent. */
  only?: string[];
  outDir?: string;
  seeds?: SeedOptions;
  /** Zip-bomb-like DOCX/XLSX inputs (default true; seconds each, so short runs leave them out). */
  bombs?: boolean;
  /** Heap cap of a worker: exceeding it kills the worker and counts as a crash. */
  workerHeapMb?: number;
  log?: (line: string) => void;
}

export interface Failure {
  kind: 'crash' | 'invariant' | 'hang';
  target: string;
  index: number;
  ext: string;
  signature: string;
  detail: string;
  /** Where the input was written (first of its signature only). */
  file?: string;
  count: number;
}

export interface TargetStats {
  target: string;
  extensions: string[];
  inputs: number;
  parsed: number;
  rejected: number;
  crashes: number;
  invariants: number;
  hangs: number;
  maxMs: number;
  totalMs: number;
  /** Inputs over the bound during the run but not when re-run alone (machine load). */
  slowOnce: number;
}

export interface MemorySample {
  atMs: number;
  rss: number;
  mainHeap: number;
  workerHeap: number;
}

export interface FuzzStats {
  seed: number;
  inputs: number;
  wallMs: number;
  inputsPerSecond: number;
  targets: TargetStats[];
  failures: Failure[];
  crashes: number;
  hangs: number;
  invariants: number;
  maxMs: number;
  peakRss: number;
  peakWorkerHeap: number;
  /** Median RSS / worker heap of the last quarter of the run minus the second quarter's. */
  rssGrowth: number;
  workerHeapGrowth: number;
  memoryBounded: boolean;
  samples: MemorySample[];
  workerRestarts: number;
}

const tsxApi = import.meta.resolve('tsx/esm/api');
const workerModule = new URL('./worker.ts', import.meta.url).href;

interface Running {
  worker: Worker;
  busy: Int32Array;
  /** The worker's kernel thread id (0 where /proc is not available). */
  threadId: Int32Array;
  /** The input's start: epoch ms, and the thread's CPU ms. */
  started: Float64Array;
}

export interface WarmUp {
  ext: string;
  data: Uint8Array;
}

function spawnWorker(heapMb: number, warmUps: WarmUp[] = []): Promise<Running> {
  const shared = new SharedArrayBuffer(24);
  const boot = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(workerModule)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
    workerData: { shared, warmUps },
    stdout: true,
    stderr: true,
  });
  // Parsers' own console noise (pdfjs warnings) is not the harness's output.
  worker.stdout.resume();
  worker.stderr.resume();
  return new Promise((resolve, reject) => {
    worker.once('message', () =>
      resolve({
        worker,
        busy: new Int32Array(shared, 0, 1),
        threadId: new Int32Array(shared, 4, 1),
        started: new Float64Array(shared, 8, 2),
      }),
    );
    worker.once('error', reject);
  });
}

function hashSeed(seed: number, target: string, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const ch of `${target}:${index}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/** Input `index` for a target: deterministic given the seeds and the run seed. */
export async function makeInput(
  target: Target,
  seeds: Seeds,
  seed: number,
  index: number,
): Promise<{ ext: string; data: Buffer }> {
  const rng = new Prng(hashSeed(seed, target.name, index));
  const pool = seeds[target.kind].length ? seeds[target.kind] : seeds.text;
  const others = [...pool, ...(target.kind === 'text' ? [] : seeds.text)];
  const data = await mutate(target.kind as InputKind, rng.pick(pool), rng, others);
  return { ext: rng.pick(target.extensions), data };
}

const median = (values: number[]) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function growth(samples: MemorySample[], pick: (s: MemorySample) => number): number {
  const q = Math.floor(samples.length / 4);
  if (q < 1) return 0;
  return median(samples.slice(3 * q).map(pick)) - median(samples.slice(q, 2 * q).map(pick));
}

function signatureOf(reply: FuzzReply | { outcome: 'hang' }, target: string): string {
  if (reply.outcome === 'hang') return `${target}:hang`;
  const r = reply as FuzzReply;
  const detail = r.detail ?? '';
  // The message and the first frame inside the project identify a bug well enough.
  const message = detail.split('\n')[0].replace(/\d+/g, 'N').slice(0, 160);
  const frame = detail.split('\n').find((l) => l.includes('/src/')) ?? '';
  return `${target}:${r.outcome}:${message}:${frame.trim().replace(/:\d+:\d+\)?$/, '')}`;
}

type Reply = FuzzReply | { outcome: 'hang' | 'died'; ms: number; detail: string };

/**
 * Parses one input on a worker; an input that has used more than `hangMs` of the worker thread's
 * CPU time without a reply is a hang (by the worker's wall clock where /proc is not available).
 */
function runOne(running: Running, job: FuzzJob, hangMs: number): Promise<Reply> {
  const { worker } = running;
  const sent = performance.now();
  return new Promise<Reply>((resolve) => {
    const done = (r: Reply) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(r);
    };
    const onMessage = (r: FuzzReply) => done(r);
    const onError = (e: Error) =>
      done({ outcome: 'died', ms: performance.now() - sent, detail: String(e?.stack ?? e) });
    const onExit = (code: number) =>
      done({
        outcome: 'died',
        ms: performance.now() - sent,
        detail: `worker exited with code ${code}`,
      });
    // The watchdog trusts the worker's CPU time: the main thread may have been busy making
    // inputs while the reply waited in its queue, and other work may share the cores.
    const watch = () => {
      const busy = Atomics.load(running.busy, 0) === 1;
      const ms = usedMs(running);
      if (busy && ms > hangMs)
        done({ outcome: 'hang', ms, detail: `no result after ${Math.round(ms)} ms` });
      else if (!busy && performance.now() - sent > 10 * hangMs)
        done({
          outcome: 'hang',
          ms: performance.now() - sent,
          detail: 'the worker never started the input',
        });
      else timer = setTimeout(watch, busy ? Math.max(10, hangMs - ms + 5) : hangMs);
    };
    let timer = setTimeout(watch, hangMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job);
  });
}

/** CPU time the worker's current input has used, or its wall time where CPU time is unknown. */
function usedMs(running: Running): number {
  const cpu = threadCpuMs(Atomics.load(running.threadId, 0));
  if (cpu !== undefined && !Number.isNaN(running.started[1])) return cpu - running.started[1];
  return performance.timeOrigin + performance.now() - running.started[0];
}

interface Candidate {
  target: Target;
  index: number;
  ext: string;
  data: Buffer;
  ms: number;
}

interface Confirmation extends Candidate {
  hang: boolean;
  detail: string;
  reply?: Reply;
}

/**
 * Re-runs each input that went over the bound, alone on a fresh warmed-up worker (up to 5× the
 * bound): a hang is confirmed when it is still over the bound; otherwise it counts by its result.
 */
async function confirmHangs(
  candidates: Candidate[],
  o: { hangMs: number; workerHeapMb: number; warmUps: WarmUp[]; log: (line: string) => void },
): Promise<Confirmation[]> {
  const out: Confirmation[] = [];
  if (candidates.length === 0) return out;
  o.log(`  re-running ${candidates.length} slow inputs alone`);
  let running = await spawnWorker(o.workerHeapMb, o.warmUps);
  for (const c of candidates) {
    const reply = await runOne(
      running,
      { seq: c.index, ext: c.ext, data: new Uint8Array(c.data) },
      5 * o.hangMs,
    );
    if (reply.outcome === 'hang' || reply.outcome === 'died') {
      await running.worker.terminate();
      running = await spawnWorker(o.workerHeapMb, o.warmUps);
    }
    const ms = Math.max(reply.ms, 0);
    const hang = reply.outcome === 'hang' || ms > o.hangMs;
    const detail = `took ${Math.round(c.ms)} ms in the run and ${Math.round(ms)} ms alone${reply.outcome === 'hang' ? ' (stopped)' : ` (${reply.outcome})`}`;
    out.push({ ...c, ms, hang, detail, reply });
  }
  await running.worker.terminate();
  return out;
}

export async function runFuzz(options: FuzzOptions = {}): Promise<FuzzStats> {
  const {
    seed = 1,
    inputs = 100_000,
    perTarget = 10_000,
    timeBudgetMs = 10 * 60_000,
    hangMs = 2000,
    workers = Math.max(1, Math.min(2, availableParallelism())),
    outDir = 'test-output/fuzz',
    workerHeapMb = 1536,
    log = () => {},
  } = options;
  mutationSettings.bombs = options.bombs ?? true;
  const targets = fuzzTargets().filter((t) => !options.only || options.only.includes(t.name));
  const seeds = await loadSeeds({ seed, ...options.seeds });
  const warmUps: WarmUp[] = targets.map((t) => ({
    ext: t.extensions[0],
    data: new Uint8Array((seeds[t.kind][0] ?? seeds.text[0]) as Buffer),
  }));
  const stats = new Map<string, TargetStats>(
    targets.map((t) => [
      t.name,
      {
        target: t.name,
        extensions: t.extensions,
        inputs: 0,
        parsed: 0,
        rejected: 0,
        crashes: 0,
        invariants: 0,
        hangs: 0,
        maxMs: 0,
        totalMs: 0,
        slowOnce: 0,
      },
    ]),
  );
  const next = new Map(targets.map((t) => [t.name, 0]));
  const failures = new Map<string, Failure>();
  const candidates: Candidate[] = [];
  const samples: MemorySample[] = [];
  let workerHeap = 0;
  let restarts = 0;
  let total = 0;
  const start = performance.now();
  const deadline = start + timeBudgetMs;

  const pickTarget = (): Target | undefined => {
    if (performance.now() > deadline) return undefined;
    const all = targets.map((t) => ({
      t,
      s: stats.get(t.name) as TargetStats,
      n: next.get(t.name) ?? 0,
    }));
    const behind = all.filter((x) => x.n < (options.perTargetOf?.[x.t.name] ?? perTarget));
    if (behind.length > 0) return behind.sort((a, b) => a.n - b.n)[0].t;
    if (total >= inputs) return undefined;
    // Past the per-target minimum, spend the remaining inputs where they are cheapest.
    return all.sort((a, b) => a.s.totalMs - b.s.totalMs)[0].t;
  };

  const record = (
    target: Target,
    index: number,
    ext: string,
    data: Buffer,
    reply: FuzzReply | { outcome: 'hang'; ms: number; detail: string },
  ) => {
    const s = stats.get(target.name) as TargetStats;
    s.inputs++;
    total++;
    s.maxMs = Math.max(s.maxMs, reply.ms);
    s.totalMs += reply.ms;
    const outcome = reply.outcome as Outcome | 'hang';
    if (outcome === 'parsed') s.parsed++;
    else if (outcome === 'rejected') s.rejected++;
    else {
      if (outcome === 'crash') s.crashes++;
      else if (outcome === 'invariant') s.invariants++;
      else s.hangs++;
      const signature = signatureOf(reply as FuzzReply, target.name);
      const known = failures.get(signature);
      if (known) known.count++;
      else {
        mkdirSync(outDir, { recursive: true });
        const file = join(outDir, `${target.name}-s${seed}-i${index}-${outcome}${ext}`);
        writeFileSync(file, data);
        const detail = reply.detail ?? '';
        writeFileSync(
          `${file}.txt`,
          `${outcome} in the ${target.name} parser (seed ${seed}, input ${index}, ${Math.round(reply.ms)} ms)\n` +
            `replay: node --import tsx bench/fuzz/run.ts --replay ${file}\n\n${detail}\n`,
        );
        failures.set(signature, {
          kind: outcome,
          target: target.name,
          index,
          ext,
          signature,
          detail,
          file,
          count: 1,
        });
        log(`  ${outcome} in ${target.name} (input ${index}): ${detail.split('\n')[0]} → ${file}`);
      }
    }
    if (total % 5000 === 0) {
      const secs = (performance.now() - start) / 1000;
      log(
        `  ${total} inputs, ${(total / secs).toFixed(0)}/s, ${[...stats.values()].map((x) => `${x.target} ${x.inputs}`).join(', ')}`,
      );
    }
  };

  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    samples.push({ atMs: performance.now() - start, rss: m.rss, mainHeap: m.heapUsed, workerHeap });
  }, 250);

  const slot = async () => {
    let running = await spawnWorker(workerHeapMb, warmUps);
    for (;;) {
      const target = pickTarget();
      if (!target) break;
      const index = next.get(target.name) ?? 0;
      next.set(target.name, index + 1);
      const { ext, data } = await makeInput(target, seeds, seed, index);
      const reply = await runOne(running, { seq: index, ext, data: new Uint8Array(data) }, hangMs);
      if (reply.outcome === 'hang' || reply.outcome === 'died') {
        await running.worker.terminate();
        running = await spawnWorker(workerHeapMb, warmUps);
        restarts++;
      } else workerHeap = (reply as FuzzReply).heapUsed;
      if (reply.outcome === 'hang' || (reply.outcome !== 'died' && reply.ms > hangMs)) {
        // Confirmed (or not) after the run, alone on a fresh worker: a loaded machine is slow.
        const s = stats.get(target.name) as TargetStats;
        s.inputs++;
        total++;
        s.maxMs = Math.max(s.maxMs, reply.ms);
        s.totalMs += reply.ms;
        candidates.push({ target, index, ext, data, ms: reply.ms });
        continue;
      }
      if (reply.outcome === 'died')
        record(target, index, ext, data, {
          ...reply,
          outcome: 'crash',
          code: 'WorkerDied',
          seq: index,
          heapUsed: 0,
        });
      else record(target, index, ext, data, reply as FuzzReply);
    }
    await running.worker.terminate();
  };

  await Promise.all(Array.from({ length: workers }, slot));
  clearInterval(sampler);
  const confirmed = await confirmHangs(candidates, { hangMs, workerHeapMb, warmUps, log });
  for (const c of confirmed) {
    const s = stats.get(c.target.name) as TargetStats;
    s.inputs--;
    total--;
    if (c.hang)
      record(c.target, c.index, c.ext, c.data, { outcome: 'hang', ms: c.ms, detail: c.detail });
    else if (c.reply?.outcome === 'died')
      record(c.target, c.index, c.ext, c.data, {
        ...c.reply,
        outcome: 'crash',
        code: 'WorkerDied',
        seq: c.index,
        heapUsed: 0,
      });
    else {
      record(c.target, c.index, c.ext, c.data, { ...(c.reply as FuzzReply), ms: c.ms });
      s.slowOnce++;
    }
  }
  const wallMs = performance.now() - start;
  const list = [...stats.values()];
  const rssGrowth = growth(samples, (s) => s.rss);
  const workerHeapGrowth = growth(samples, (s) => s.workerHeap);
  const peakRss = Math.max(0, ...samples.map((s) => s.rss));
  return {
    seed,
    inputs: total,
    wallMs,
    inputsPerSecond: total / (wallMs / 1000),
    targets: list,
    failures: [...failures.values()],
    crashes: list.reduce((a, s) => a + s.crashes, 0),
    hangs: list.reduce((a, s) => a + s.hangs, 0),
    invariants: list.reduce((a, s) => a + s.invariants, 0),
    maxMs: Math.max(0, ...list.map((s) => s.maxMs)),
    peakRss,
    peakWorkerHeap: Math.max(0, ...samples.map((s) => s.workerHeap)),
    rssGrowth,
    workerHeapGrowth,
    // Bounded: no sustained growth between the second and the last quarter of the run.
    memoryBounded: rssGrowth < Math.max(128 * 1024 * 1024, 0.25 * peakRss),
    samples,
    workerRestarts: restarts,
  };
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

export function summary(s: FuzzStats): string {
  const rows = s.targets.map(
    (t) =>
      `| ${t.target} (${t.extensions.join(' ')}) | ${t.inputs} | ${t.parsed} | ${t.rejected} | ${t.crashes} | ${t.invariants} | ${t.hangs} | ${t.slowOnce} | ${t.maxMs.toFixed(0)} | ${(t.inputs / (t.totalMs / 1000 || 1)).toFixed(0)} |`,
  );
  return [
    '| parser (extensions) | inputs | parsed | rejected (GongkaiError) | crashes | invariant breaks | hangs > 2 s | slow only under load | max ms | inputs/s of parser time |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    `| **total** | **${s.inputs}** | ${s.targets.reduce((a, t) => a + t.parsed, 0)} | ${s.targets.reduce((a, t) => a + t.rejected, 0)} | **${s.crashes}** | **${s.invariants}** | **${s.hangs}** | ${s.targets.reduce((a, t) => a + t.slowOnce, 0)} | ${s.maxMs.toFixed(0)} | |`,
    '',
    `Wall time ${(s.wallMs / 1000).toFixed(0)} s, ${s.inputsPerSecond.toFixed(0)} inputs/s overall; peak RSS ${mb(s.peakRss)}, ` +
      `peak worker heap ${mb(s.peakWorkerHeap)}; RSS change from the 2nd to the 4th quarter ${mb(s.rssGrowth)}, ` +
      `worker heap change ${mb(s.workerHeapGrowth)} (${s.memoryBounded ? 'no growth trend' : 'GROWING'}); worker restarts ${s.workerRestarts}.`,
  ].join('\n');
}

async function replay(file: string): Promise<number> {
  const { classify } = await import('./worker.ts');
  const data = readFileSync(file);
  await classify(Buffer.from('warm-up'), extname(file)); // load the parser's modules first
  const start = performance.now();
  const result = await classify(data, extname(file));
  console.log(
    `${result.outcome}${result.code ? ` (${result.code})` : ''} in ${Math.round(performance.now() - start)} ms`,
  );
  if (result.detail) console.log(result.detail);
  return result.outcome === 'parsed' || result.outcome === 'rejected' ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      inputs: { type: 'string', default: '100000' },
      'per-target': { type: 'string', default: '10000' },
      minutes: { type: 'string', default: '10' },
      workers: { type: 'string' },
      targets: { type: 'string' },
      'hang-ms': { type: 'string', default: '2000' },
      replay: { type: 'string' },
    },
  });
  if (values.replay) process.exit(await replay(values.replay));
  const stats = await runFuzz({
    seed: Number(values.seed),
    inputs: Number(values.inputs),
    perTarget: Number(values['per-target']),
    timeBudgetMs: Number(values.minutes) * 60_000,
    hangMs: Number(values['hang-ms']),
    workers: values.workers ? Number(values.workers) : undefined,
    only: values.targets?.split(','),
    log: (line) => console.log(line),
  });
  console.log(summary(stats));
  for (const f of stats.failures) console.log(`${f.kind} ×${f.count} ${f.signature}\n  ${f.file}`);
  process.exit(stats.crashes + stats.hangs + stats.invariants > 0 ? 1 : 0);
}
