import { performance } from 'node:perf_hooks';
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
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
 * How long a statement inside a transaction may hold the HTTP thread waiting for its answer (ms).
 * An open transaction holds PGlite's only connection, so every other query waits for it: if each
 * of its statements also waited for a turn of the busy HTTP event loop, a transaction would last
 * a dozen loop turns and writes and reads would crawl (issue 14: 7× fewer submissions than on
 * the HTTP thread). So the HTTP thread waits for such an answer synchronously, but only this
 * long; a slower statement is then awaited like any other.
 */
export const SYNC_WAIT_MS = 2;

/**
 * PGlite in its own worker thread, seen from the app as a PGlite client (drizzle's `pglite` driver
 * runs on it unchanged). Every query is a message to the thread; rows come back by structured clone.
 * Statements inside a transaction go over a second port whose answers a shared counter signals.
 */
export class PgliteThread implements PgliteQueries {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited: Error | undefined;
  private syncInUse = false;
  private syncTaken = 0;

  private constructor(
    private readonly worker: Worker,
    private readonly syncPort: MessagePort,
    private readonly flag: Int32Array,
  ) {
    worker.on('message', (reply: ThreadReply) => this.settle(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`exit code ${code}`)));
  }

  /** Starts the thread and waits until PGlite is open in it. */
  static async start(options: Omit<ThreadStart, 'syncPort' | 'syncFlag'>): Promise<PgliteThread> {
    const { port1, port2 } = new MessageChannel();
    const syncFlag = new SharedArrayBuffer(4);
    const worker = new Worker(new URL('./pgliteWorker.mjs', import.meta.url), {
      workerData: { ...options, syncPort: port2, syncFlag } satisfies ThreadStart,
      transferList: [port2],
    });
    port1.unref();
    const thread = new PgliteThread(worker, port1, new Int32Array(syncFlag));
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
        this.callInTransaction({
          op: 'query',
          sql,
          params,
          tx,
          ...queryShape(options),
        }) as Promise<Results<R>>,
    };
    let result: T;
    try {
      result = await callback(inTransaction);
    } catch (error) {
      await this.callInTransaction({ op: 'end', tx, commit: false });
      throw error;
    }
    await this.callInTransaction({ op: 'end', tx, commit: true });
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

  /**
   * A request of an open transaction: waits up to SYNC_WAIT_MS for its answer on the HTTP thread,
   * then asynchronously. One such request at a time uses the sync port; another one (statements
   * run in parallel inside a transaction) goes the ordinary way.
   */
  private callInTransaction(request: ThreadRequest): Promise<unknown> {
    if (this.syncInUse || this.exited) return this.call(request);
    this.syncInUse = true;
    this.syncPort.postMessage({ id: this.nextId++, ...request });
    const deadline = performance.now() + SYNC_WAIT_MS;
    while (!this.syncAnswered()) {
      const left = deadline - performance.now();
      if (left <= 0) return this.awaitSyncReply();
      Atomics.wait(this.flag, 0, this.syncTaken, left);
    }
    return new Promise((resolve) => resolve(this.takeSyncReply()));
  }

  private async awaitSyncReply(): Promise<unknown> {
    while (!this.syncAnswered()) {
      const later = (Atomics as unknown as AtomicsWaitAsync).waitAsync(
        this.flag,
        0,
        this.syncTaken,
      );
      if (later.async) await later.value;
    }
    return this.takeSyncReply();
  }

  /**
   * The flag counts the answers the thread has posted (each before counting it); `syncTaken`
   * those taken here. A difference means an answer is on the port; a wake-up alone means nothing.
   */
  private syncAnswered(): boolean {
    return Atomics.load(this.flag, 0) !== this.syncTaken || this.exited !== undefined;
  }

  private takeSyncReply(): unknown {
    this.syncInUse = false;
    const reply = receiveMessageOnPort(this.syncPort)?.message as ThreadReply | undefined;
    if (!reply) throw this.exited ?? new Error('database thread: no answer');
    this.syncTaken = (this.syncTaken + 1) | 0;
    if (reply.ok) return reply.value;
    throw deserializeError(reply.error);
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
    Atomics.notify(this.flag, 0);
  }
}

/** Atomics.waitAsync (Node 16+), not yet in TypeScript's ES2023 library. */
interface AtomicsWaitAsync {
  waitAsync(
    array: Int32Array,
    index: number,
    value: number,
  ): { async: false; value: string } | { async: true; value: Promise<string> };
}

/** Parsers cannot cross threads; drizzle's are identities, so the thread keeps those types as text. */
function queryShape(options: QueryOptions) {
  return {
    rowMode: options.rowMode,
    textTypes: Object.keys(options.parsers ?? {}).map(Number),
  };
}
