/** The process's one job pool, configured from the environment, created on first use. */
import { JobPool } from './pool.ts';

let shared: JobPool | undefined;

export function sharedJobPool(): JobPool {
  shared ??= new JobPool();
  return shared;
}

/** Ends the shared pool's workers (server shutdown, end of a CLI command). */
export async function closeSharedJobPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
