import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { createPglite } from './pgliteCreate.ts';
import {
  serializeError,
  type ThreadMessage,
  type ThreadReply,
  type ThreadRequest,
  type ThreadStart,
} from './pgliteThreadProtocol.ts';

/**
 * The database thread: PGlite runs here so that its queries never block the HTTP event loop.
 * Requests are answered in order of completion; PGlite itself serialises them, and an open
 * transaction holds its lock until the app ends it, so concurrent transactions stay isolated.
 */

interface OpenTransaction {
  tx: Transaction;
  decide: (commit: boolean) => void;
  ended: Promise<unknown>;
}

const port = parentPort!;
const start = workerData as ThreadStart;
const transactions = new Map<number, OpenTransaction>();
const rolledBack = Symbol('rolled back');
let nextTransaction = 0;

const pg = await createPglite(start.path, start.loadDataDir);
port.on('message', (message: ThreadMessage) => {
  handle(message).then(
    (value) => reply({ id: message.id, ok: true, value }),
    (error) => reply({ id: message.id, ok: false, error: serializeError(error) }),
  );
});
const flag = new Int32Array(start.syncFlag);
start.syncPort.on('message', (message: ThreadMessage) => {
  handle(message).then(
    (value) => replyInTransaction({ id: message.id, ok: true, value }),
    (error) => replyInTransaction({ id: message.id, ok: false, error: serializeError(error) }),
  );
});
reply({ id: 0, ok: true, value: 'ready' });

function reply(message: ThreadReply) {
  port.postMessage(message);
}

/** The answer first, then the count of answers: the HTTP thread reads the port once it grew. */
function replyInTransaction(message: ThreadReply) {
  start.syncPort.postMessage(message);
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
}

async function handle(request: ThreadRequest): Promise<unknown> {
  switch (request.op) {
    case 'query': {
      const client = request.tx === undefined ? pg : transactionOf(request.tx).tx;
      const parsers = Object.fromEntries(request.textTypes.map((oid) => [oid, keepText]));
      const { rows, fields, affectedRows } = await client.query(request.sql, request.params, {
        rowMode: request.rowMode,
        parsers,
      });
      return { rows, fields, affectedRows };
    }
    case 'begin':
      return begin(pg);
    case 'end':
      return end(request.tx, request.commit);
    case 'dump':
      return pg.dumpDataDir('gzip');
    case 'close':
      await pg.close();
      return null;
  }
}

const keepText = (value: string) => value;

function transactionOf(id: number): OpenTransaction {
  const open = transactions.get(id);
  if (!open) throw new Error(`database thread: no open transaction ${id}`);
  return open;
}

/** Opens a PGlite transaction that stays open until `end` decides it. */
function begin(db: PGlite): Promise<number> {
  const id = ++nextTransaction;
  return new Promise((begun, failed) => {
    let decide: (commit: boolean) => void = () => {};
    const decided = new Promise<boolean>((resolve) => {
      decide = resolve;
    });
    const ended = db.transaction(async (tx) => {
      transactions.set(id, { tx, decide, ended });
      begun(id);
      if (!(await decided)) throw rolledBack;
    });
    ended.catch((error) => {
      if (!transactions.has(id)) failed(error);
    });
  });
}

async function end(id: number, commit: boolean): Promise<null> {
  const open = transactionOf(id);
  open.decide(commit);
  try {
    await open.ended;
  } catch (error) {
    if (error !== rolledBack) throw error;
  } finally {
    transactions.delete(id);
  }
  return null;
}
