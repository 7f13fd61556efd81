/**
 * The bounded worker pool for heavy work (piscina): a fixed number of worker threads, a bounded
 * queue, and per job a CPU-time limit (a watchdog reads the worker thread's CPU time and ends the
 * worker when it is over) and a heap limit (the workers' resourceLimits). A job over a limit, or
 * refused because the queue is full, fails with a GongkaiError in Chinese.
 */
import { Piscina } from 'piscina';
import { GongkaiError } from '../errors.ts';
import { type PoolLimits, poolLimitsFromEnv } from './limits.ts';
import type { Tasks } from './tasks.ts';
import { threadCpuMs } from './threadCpu.ts';
import type { JobMessage, JobReply } from './worker.ts';

type TaskMap = Record<string, (input: never) => Promise<unknown>>;

export interface JobPoolOptions extends Partial<PoolLimits> {
  /** The module whose `tasks` the workers run (default: ./tasks.ts). */
  tasksModule?: URL;
}

export interface JobOptions {
  /** This job's CPU limit in ms (default: the pool's). */
  cpuMs?: number;
  /** What the job works on, for the messages ("附件“a.pdf”"). */
  label?: string;
}

const watchEveryMs = 50;
const busyMessage = '服务器正忙，后台处理任务已排满，请稍后再试。';

export class JobPool<T extends TaskMap = Tasks> {
  readonly limits: PoolLimits;
  private readonly piscina: Piscina;
  /** Jobs running or waiting (piscina does not count abortable jobs against its maxQueue). */
  private inFlight = 0;

  constructor(options: JobPoolOptions = {}) {
    this.limits = { ...poolLimitsFromEnv(), ...definedOnly(options) };
    this.piscina = new Piscina({
      filename: new URL('./worker.mjs', import.meta.url).href,
      workerData: {
        tasksModule: (options.tasksModule ?? new URL('./tasks.ts', import.meta.url)).href,
      },
      minThreads: 0,
      maxThreads: this.limits.threads,
      idleTimeout: 60_000,
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.memoryMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, this.limits.memoryMb / 8)),
      },
    });
  }

  /** Runs a task in a worker within the limits. */
  async run<K extends keyof T & string>(
    name: K,
    input: Parameters<T[K]>[0],
    options: JobOptions = {},
  ): Promise<Awaited<ReturnType<T[K]>>> {
    if (this.inFlight >= this.limits.threads + this.limits.queue)
      throw new GongkaiError('jobs.busy', busyMessage);
    const cpuMs = options.cpuMs ?? this.limits.cpuMs;
    const label = options.label ?? '该文件';
    const slot = new Int32Array(new SharedArrayBuffer(8));
    const abort = new AbortController();
    const watchdog = setInterval(() => {
      if (cpuUsed(slot) > cpuMs) abort.abort();
    }, watchEveryMs);
    this.inFlight++;
    try {
      const message: JobMessage = { name, input, slot };
      const reply: JobReply = await this.piscina.run(message, { signal: abort.signal });
      if (!reply.ok) throw new GongkaiError(reply.code, reply.message);
      return reply.value as Awaited<ReturnType<T[K]>>;
    } catch (error) {
      throw refusal(error, abort.signal.aborted, label, cpuMs, this.limits.memoryMb);
    } finally {
      this.inFlight--;
      clearInterval(watchdog);
    }
  }

  async close(): Promise<void> {
    await this.piscina.close({ force: true });
  }
}

const wallStarts = new WeakMap<Int32Array, number>();

/** CPU ms the job has used; wall-clock time where /proc cannot be read (not Linux). */
function cpuUsed(slot: Int32Array): number {
  const threadId = Atomics.load(slot, 0);
  if (threadId === 0) return 0;
  const now = threadCpuMs(threadId);
  if (now !== undefined) return now - Atomics.load(slot, 1);
  const start = wallStarts.get(slot) ?? Date.now();
  wallStarts.set(slot, start);
  return Date.now() - start;
}

function refusal(
  error: unknown,
  overCpu: boolean,
  label: string,
  cpuMs: number,
  memoryMb: number,
): unknown {
  if (overCpu)
    return new GongkaiError(
      'jobs.cpu-limit',
      `${label}处理所需的计算时间超过了限制（${cpuMs / 1000} 秒），已停止处理。`,
    );
  const code = (error as { code?: string }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new GongkaiError(
      'jobs.memory-limit',
      `${label}处理所需的内存超过了限制（${memoryMb} MB），已停止处理。`,
    );
  return error;
}

function definedOnly(options: JobPoolOptions): Partial<PoolLimits> {
  const { threads, queue, cpuMs, memoryMb } = options;
  return Object.fromEntries(
    Object.entries({ threads, queue, cpuMs, memoryMb }).filter(([, v]) => v !== undefined),
  );
}
