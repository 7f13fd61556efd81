/**
 * The exhaustive hostile-input walk: test/security/hostile.test.ts with GONGKAI_HOSTILE_FULL=1,
 * i.e. every route as every demo role, the office's forms, and every hostile value on every field
 * on both databases (`npm test` sends each field one value in turn on PostgreSQL). Appends the
 * request counts, the wall time and the outcome to bench/RESULTS.md.
 * Run: npm run bench hostile (TEST_DATABASE_URL for the PostgreSQL half).
 */
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

export async function run(): Promise<void> {
  const started = Date.now();
  const load = loadavg()[0];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', 'test/security/hostile.test.ts'],
    {
      cwd: new URL('../', import.meta.url).pathname,
      env: { ...process.env, GONGKAI_HOSTILE_FULL: '1' },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const counts = [...output.matchAll(/^# hostile (parameters|fields): (\d+) \w+/gm)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
  const lines = [
    '',
    `## Hostile input, the full walk (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Command: \`npm run bench hostile\` (GONGKAI_HOSTILE_FULL=1 on test/security/hostile.test.ts). ` +
      `${cpus().length} cores, Node ${process.version}, 1-min load average ${load.toFixed(1)} at the start. ` +
      `Exit code ${code}; ${((Date.now() - started) / 1000).toFixed(0)} s wall.`,
    '',
    `Requests per database (PGlite, then PostgreSQL): ${counts.join('; ') || 'none reported'}.`,
    '',
  ];
  console.log(lines.join('\n'));
  appendFileSync(new URL('./RESULTS.md', import.meta.url), `${lines.join('\n')}\n`);
  if (code !== 0) throw new Error(`hostile walk failed:\n${output.slice(-4000)}`);
}
