import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TemplateKind } from './template.ts';

export const gongkaiBin = new URL('../../bin/gongkai', import.meta.url).pathname;

/** A fresh, empty GONGKAI_DATA_DIR. */
export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'gongkai-test-'));

/**
 * What every test command runs with: no DATABASE_URL, and PGlite without fsync (throw-away data;
 * test/db/durability.test.ts and the crash harness test the durable mode). `env` overrides both.
 */
const testEnv = (env: Record<string, string>) => ({
  DATABASE_URL: '',
  GONGKAI_PGLITE_FSYNC: 'off',
  ...env,
});

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `gongkai args…` as its own process, to completion, with its own environment additions. */
export function gongkai(args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(gongkaiBin, args, {
    encoding: 'utf8',
    env: { ...process.env, ...testEnv(env) },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Captured {
  stdout: string;
  stderr: string;
}
const capture = new AsyncLocalStorage<Captured>();
let captureInstalled = false;

/** Routes writes made inside `capture.run` to its buffers; every other write (the test reporter's) passes. */
function installCapture() {
  if (captureInstalled) return;
  captureInstalled = true;
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = process[name];
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const captured = capture.getStore();
      if (!captured) return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
      captured[name] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof stream.write;
  }
}

let running = false;

/**
 * Runs `gongkai args…` in this process (the CLI's `main`, as bin/gongkai.mjs calls it), with the
 * same environment additions, and returns what the process would have exited with and printed.
 * A spawned `gongkai` costs a second of CPU to start before PGlite opens; this costs none, so the
 * tests call it for most cases and keep `gongkai()` for one real process per command family.
 * Calls must not overlap (they set process.env for their duration).
 */
export async function gongkaiInProcess(
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  if (running) throw new Error('gongkaiInProcess: calls must not overlap');
  running = true;
  installCapture();
  const additions = testEnv(env);
  const saved = Object.fromEntries(Object.keys(additions).map((k) => [k, process.env[k]]));
  Object.assign(process.env, additions);
  const captured: Captured = { stdout: '', stderr: '' };
  try {
    // Imported here, not at the top: the files that only want tempDataDir need not load the CLI.
    const { main } = await import('../../src/cli/main.ts');
    const code = await capture.run(captured, async () => {
      try {
        return await main(args);
      } catch (error) {
        // What node prints for an uncaught error in bin/gongkai.mjs, and its exit code.
        captured.stderr += `${(error as Error).stack ?? String(error)}\n`;
        return 1;
      }
    });
    return { code, ...captured };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    running = false;
  }
}

/**
 * A GONGKAI_DATA_DIR holding the demo: the prepared template unpacked into it (what `gongkai demo`
 * writes, without its 25 s of CPU), or, when the template is stale, `gongkai demo` itself.
 */
export async function demoDataDir(): Promise<string> {
  const dir = await preparedDataDir('demo');
  if (dir) return dir;
  const fresh = tempDataDir();
  const result = await gongkaiInProcess(['demo'], { GONGKAI_DATA_DIR: fresh });
  if (result.code !== 0) throw new Error(`gongkai demo: ${result.stderr}`);
  return fresh;
}

/**
 * A GONGKAI_DATA_DIR with an empty database and every migration applied, as the first command
 * on a new machine leaves it (a fresh directory costs each test initdb and all migrations).
 * Tests of that first run itself use tempDataDir().
 */
export async function migratedDataDir(): Promise<string> {
  return (await preparedDataDir('empty')) ?? tempDataDir();
}

/** The prepared template unpacked into a new data directory, or null when it is stale. */
async function preparedDataDir(kind: TemplateKind): Promise<string | null> {
  const { pgliteDumpOf } = await import('./template.ts');
  const loadDataDir = pgliteDumpOf(kind);
  if (!loadDataDir) return null;
  const dir = tempDataDir();
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const pglite = await PGlite.create(join(dir, 'pglite'), {
    extensions: { pg_trgm },
    loadDataDir,
  });
  await pglite.close();
  return dir;
}

/** Starts a long-running `gongkai` command and resolves once a stdout line matches `ready`. */
export function gongkaiServer(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  /** Node flags for the server process (a bench's `--cpu-prof`); none runs bin/gongkai. */
  nodeFlags: string[] = [],
) {
  const [command, argv] =
    nodeFlags.length > 0
      ? [process.execPath, [...nodeFlags, `${gongkaiBin}.mjs`, ...args]]
      : [gongkaiBin, args];
  const child = spawn(command, argv, { env: { ...process.env, DATABASE_URL: '', ...env } });
  let output = '';
  const started = new Promise<RegExpMatchArray>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(ready);
      if (match) resolve(match);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before ready:\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, started, exited, output: () => output };
}
