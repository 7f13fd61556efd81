import { fsyncSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * PGlite on a directory, made durable against power loss.
 *
 * Out of the box PGlite (0.5.x) starts PostgreSQL with `-F` (fsync = off), and its Emscripten
 * NODEFS has no `fsync` stream operation, so even with fsync on every `fsync()` the server makes
 * is a no-op: commits reach the kernel's page cache (write() at commit, so they survive a killed
 * process) but are never flushed to disk, and an OS crash or power cut can lose the last commits or
 * leave the data directory inconsistent. Here `fsync()` on a NODEFS stream calls the host's
 * fsync(2), and the server runs with fsync on and `wal_sync_method = fsync` (fdatasync is a no-op
 * in Emscripten's libc, fsync goes through the stream operation). A commit then returns only after
 * its WAL is on disk, as on a PostgreSQL server.
 */
export class DurableNodeFS extends NodeFS {
  override async init(
    pg: PGlite,
    options: Parameters<NodeFS['init']>[1],
  ): ReturnType<NodeFS['init']> {
    const { emscriptenOpts } = await super.init(pg, options);
    const preRun = [...(asArray(emscriptenOpts.preRun) as ((mod: unknown) => void)[]), addFsync];
    return { emscriptenOpts: { ...emscriptenOpts, preRun: preRun as never } };
  }
}

interface NodeStream {
  nfd?: number;
}

function addFsync(mod: unknown) {
  const streamOps = (mod as { NODEFS: { stream_ops: Record<string, unknown> } }).NODEFS.stream_ops;
  streamOps.fsync = (stream: NodeStream) => {
    if (stream.nfd !== undefined) fsyncSync(stream.nfd);
    return 0;
  };
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** PGlite's start parameters without `-F` (fsync off), with a WAL sync method that reaches disk. */
export const durableStartParams: string[] = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];

/** Whether to fsync: on unless the deployer sets GONGKAI_PGLITE_FSYNC=off (tests, throw-away data). */
export const pgliteFsyncEnabled = () => process.env.GONGKAI_PGLITE_FSYNC !== 'off';
