/**
 * The pool's worker: runs one named task of the tasks module it was started with. Before the task
 * it writes its thread id and CPU time into the job's shared slot, for the pool's CPU watchdog.
 * A GongkaiError goes back as data (a thrown error loses its class and code on the way).
 */
import { workerData } from 'node:worker_threads';
import { type ErrorCode, isGongkaiError } from '../errors.ts';
import { currentThreadId, threadCpuMs } from './threadCpu.ts';

export interface JobMessage {
  name: string;
  input: unknown;
  /** [thread id, CPU ms at start]; 0 until the job starts. */
  slot: Int32Array;
}

export type JobReply =
  | { ok: true; value: unknown }
  | { ok: false; code: ErrorCode; message: string };

type Task = (input: unknown) => Promise<unknown>;
const tasks: Promise<Record<string, Task>> = import(workerData.tasksModule).then((m) => m.tasks);
const threadId = currentThreadId();

export default async function runJob({ name, input, slot }: JobMessage): Promise<JobReply> {
  Atomics.store(slot, 1, threadCpuMs(threadId) ?? 0);
  Atomics.store(slot, 0, threadId || -1);
  const task = (await tasks)[name];
  if (!task) return { ok: false, code: 'jobs.unknown', message: `未知的后台任务“${name}”` };
  try {
    return { ok: true, value: await task(input) };
  } catch (error) {
    if (isGongkaiError(error)) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
