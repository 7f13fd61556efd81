/** The messages between the app and the database thread (src/db/pgliteThread.ts, pgliteWorker.ts). */

import type { MessagePort } from 'node:worker_threads';

export interface ThreadStart {
  /** The PGlite directory; undefined keeps the database in memory. */
  path?: string;
  loadDataDir?: Blob;
  /** Requests of open transactions; each answer is signalled through `syncFlag` (pgliteThread.ts). */
  syncPort: MessagePort;
  syncFlag: SharedArrayBuffer;
}

export type ThreadRequest =
  | {
      op: 'query';
      sql: string;
      params: unknown[];
      rowMode?: 'array' | 'object';
      /** Type OIDs returned as PostgreSQL's text (drizzle's parsers are identities for these). */
      textTypes: number[];
      /** The transaction the query runs in, if any. */
      tx?: number;
    }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'dump' }
  | { op: 'close' };

export type ThreadMessage = { id: number } & ThreadRequest;

export type ThreadReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError };

/** An error as plain data: message plus PostgreSQL's fields (code, constraint, detail…). */
export type SerializedError = { name: string; message: string } & Record<string, unknown>;

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'function') continue;
    if (typeof value === 'object' && value !== null) continue;
    fields[key] = value;
  }
  return { ...fields, name: error.name, message: error.message };
}

export function deserializeError(data: SerializedError): Error {
  const error = new Error(data.message);
  Object.assign(error, data);
  return error;
}
