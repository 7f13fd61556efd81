import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const gongkaiBin = new URL('../../bin/gongkai', import.meta.url).pathname;

/** A fresh, empty GONGKAI_DATA_DIR. */
export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'gongkai-test-'));

/** Runs `gongkai args…` to completion with its own environment additions. */
export function gongkai(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(gongkaiBin, args, {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
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
