/**
 * The fuzz worker: parses one input at a time with `parseFile` and classifies the outcome. It
 * runs in a worker thread so that the harness can stop it when an input hangs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isGongkaiError } from '../../src/errors.ts';
import { currentThreadId, threadCpuMs } from '../../src/jobs/threadCpu.ts';
import { parseFile } from '../../src/report/parse/index.ts';
import { invariantProblems } from './invariants.ts';

/**
 * Shared with the harness: int32 [0] = 1 while an input is being parsed, [1] = this worker's
 * kernel thread id; float64 [1] = the input's start time (epoch ms), [2] = the thread's CPU time
 * then. The harness's watchdog reads them to classify a hang by the CPU time the input has used,
 * so neither a reply queued behind a busy main thread nor a loaded machine looks like a hang.
 */
export interface FuzzJob {
  seq: number;
  ext: string;
  data: Uint8Array;
}

export type Outcome = 'parsed' | 'rejected' | 'crash' | 'invariant';

export interface FuzzReply {
  seq: number;
  outcome: Outcome;
  /** GongkaiError code, or the error name of a crash. */
  code?: string;
  /** Crash stack or the broken invariants. */
  detail?: string;
  ms: number;
  heapUsed: number;
}

export async function classify(
  data: Buffer,
  ext: string,
): Promise<Omit<FuzzReply, 'seq' | 'ms' | 'heapUsed'>> {
  try {
    const result = await parseFile(data, `fuzz${ext}`);
    const problems = invariantProblems(result);
    if (problems.length > 0)
      return { outcome: 'invariant', detail: problems.slice(0, 10).join('\n') };
    return { outcome: 'parsed' };
  } catch (error) {
    if (isGongkaiError(error)) return { outcome: 'rejected', code: error.code };
    const e = error as Error;
    return {
      outcome: 'crash',
      code: e?.name ?? typeof error,
      detail: String(e?.stack ?? e?.message ?? error).slice(0, 2000),
    };
  }
}

const port = parentPort;
if (port) {
  const busy = new Int32Array(workerData.shared as SharedArrayBuffer, 0, 1);
  const started = new Float64Array(workerData.shared as SharedArrayBuffer, 8, 2);
  const threadId = currentThreadId();
  Atomics.store(new Int32Array(workerData.shared as SharedArrayBuffer, 4, 1), 0, threadId);
  port.on('message', async (job: FuzzJob) => {
    const start = performance.now();
    started[0] = performance.timeOrigin + start;
    started[1] = threadCpuMs(threadId) ?? Number.NaN;
    Atomics.store(busy, 0, 1);
    const result = await classify(
      Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength),
      job.ext,
    );
    Atomics.store(busy, 0, 0);
    const reply: FuzzReply = {
      seq: job.seq,
      ...result,
      ms: performance.now() - start,
      heapUsed: process.memoryUsage().heapUsed,
    };
    port.postMessage(reply);
  });
  // Load every parser's lazy parts (pdfjs's worker code, mammoth, exceljs) before timing starts.
  const warmUps = (workerData.warmUps ?? []) as { ext: string; data: Uint8Array }[];
  for (const w of warmUps) await classify(Buffer.from(w.data), w.ext);
  port.postMessage('ready');
}
