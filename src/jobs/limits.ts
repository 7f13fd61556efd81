/**
 * The worker pool's configuration from the environment (docs/deployment.md): threads, queue
 * length, and each job's CPU-time and memory limits.
 */
export interface PoolLimits {
  /** Worker threads (GONGKAI_JOB_THREADS, default 2). */
  threads: number;
  /** Jobs waiting beyond the running ones before new ones are refused (GONGKAI_JOB_QUEUE, default 32). */
  queue: number;
  /** CPU time one job may use (GONGKAI_JOB_CPU_SECONDS, default 30 s). */
  cpuMs: number;
  /** Heap of one worker (GONGKAI_JOB_MEMORY_MB, default 512 MB). */
  memoryMb: number;
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(value) && value > 0 ? value : fallback;
}

export function poolLimitsFromEnv(): PoolLimits {
  return {
    threads: Math.floor(positive('GONGKAI_JOB_THREADS', 2)),
    queue: Math.floor(positive('GONGKAI_JOB_QUEUE', 32)),
    cpuMs: positive('GONGKAI_JOB_CPU_SECONDS', 30) * 1000,
    memoryMb: Math.floor(positive('GONGKAI_JOB_MEMORY_MB', 512)),
  };
}
