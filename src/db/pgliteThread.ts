import { Worker } from 'node:worker_threads';
import type { QueryOptions, Results } from '@electric-sql/pglite';
import { GongkaiError } from '../errors.ts';
import {
  deserializeError,
  type ThreadReply,
  type ThreadRequest,
  type ThreadStart,
} from './pgliteThreadProtocol.ts';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** The part of PGlite's client that drizzle's `pglite` driver uses: queries and transactions. */
export interface PgliteQueries {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
}

/**
 * PGlite in its own worker thread, seen from the app as a PGlite client (drizzle's `pglite` driver
 * runs on it unchanged). Every query is a message to the thread; rows come back by structured clone.
 */
export class PgliteThread implements PgliteQueries {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: ThreadReply) => this.settle(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`exit code ${code}`)));
  }

  /** Starts the thread and waits until PGlite is open in it. */
  static async start(options: ThreadStart): Promise<PgliteThread> {
    const worker = new Worker(new URL('./pgliteWorker.mjs', import.meta.url), {
      workerData: options,
    });
    const thread = new PgliteThread(worker);
    await new Promise<unknown>((resolve, reject) => thread.pending.set(0, { resolve, reject }));
    return thread;
  }

  query<T>(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<Results<T>> {
    return this.call({ op: 'query', sql, params, ...queryShape(options) }) as Promise<Results<T>>;
  }

  /** Runs `callback` in one transaction: committed if it returns, rolled back if it throws. */
  async transaction<T>(callback: (tx: PgliteQueries) => Promise<T>): Promise<T> {
    const tx = (await this.call({ op: 'begin' })) as number;
    const inTransaction: PgliteQueries = {
      query: <R>(sql: string, params: unknown[] = [], options: QueryOptions = {}) =>
        this.call({ op: 'query', sql, params, tx, ...queryShape(options) }) as Promise<Results<R>>,
    };
    let result: T;
    try {
      result = await callback(inTransaction);
    } catch (error) {
      await this.call({ op: 'end', tx, commit: false });
      throw error;
    }
    await this.call({ op: 'end', tx, commit: true });
    return result;
  }

  dumpDataDir(_compression?: 'gzip'): Promise<Blob> {
    return this.call({ op: 'dump' }) as Promise<Blob>;
  }

  /** Closes PGlite (a clean shutdown of its data directory), then ends the thread. */
  async close(): Promise<void> {
    if (this.exited) return;
    try {
      await this.call({ op: 'close' });
    } finally {
      this.exited = new GongkaiError('db.closed', '内置数据库已关闭。');
      await this.worker.terminate();
    }
  }

  private call(request: ThreadRequest): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...request });
    });
  }

  private settle(reply: ThreadReply) {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(deserializeError(reply.error));
  }

  private fail(cause: Error) {
    this.exited ??= new GongkaiError('db.thread-exit', { message: cause.message });
    for (const pending of this.pending.values()) pending.reject(this.exited);
    this.pending.clear();
  }
}

/** Parsers cannot cross threads; drizzle's are identities, so the thread keeps those types as text. */
function queryShape(options: QueryOptions) {
  return {
    rowMode: options.rowMode,
    textTypes: Object.keys(options.parsers ?? {}).map(Number),
  };
}
