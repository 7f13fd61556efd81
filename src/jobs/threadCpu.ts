/**
 * The CPU time of one thread, read from Linux's /proc (USER_HZ is 100 on every Linux ABI).
 * A worker records its thread id and its CPU time when a job starts; the pool's watchdog reads
 * the same thread's counter from the main thread, because a busy worker cannot check itself.
 */
import { readFileSync, readlinkSync } from 'node:fs';

const msPerTick = 10;

/** This thread's kernel thread id, or 0 where /proc is not available. */
export function currentThreadId(): number {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop()) || 0;
  } catch {
    return 0;
  }
}

/** User + system CPU time of a thread of this process in ms, or undefined if it cannot be read. */
export function threadCpuMs(threadId: number): number | undefined {
  if (threadId <= 0) return undefined;
  try {
    const stat = readFileSync(`/proc/self/task/${threadId}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * msPerTick;
  } catch {
    return undefined;
  }
}
