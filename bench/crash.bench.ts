/**
 * Crash safety, long run (`npm run bench crash`): `gongkai serve` killed with SIGKILL
 * BENCH_CRASH_ROUNDS times (default 20) under a stream of online applications, receipt
 * confirmations and publication edits, on PGlite (fsync on, the default; and fsync off, to show
 * what a killed process alone does) and on PostgreSQL when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL is set. Fails if any acknowledged write is lost or duplicated or any
 * projection disagrees with its event log. Appends its table to bench/RESULTS.md.
 */
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type CrashResult, crashRun } from '../test/reliability/crashHarness.ts';

const rounds = Number(process.env.BENCH_CRASH_ROUNDS ?? 20);

export async function run() {
  process.env.TEST_DATABASE_URL ||= process.env.BENCH_DATABASE_URL ?? '';
  const variants: { label: string; kind: 'pglite' | 'postgres'; env?: Record<string, string> }[] = [
    { label: 'pglite (fsync on)', kind: 'pglite' },
    {
      label: 'pglite (GONGKAI_PGLITE_FSYNC=off)',
      kind: 'pglite',
      env: { GONGKAI_PGLITE_FSYNC: 'off' },
    },
  ];
  if (process.env.TEST_DATABASE_URL) variants.push({ label: 'postgres', kind: 'postgres' });
  const load = loadavg()[0];
  const rows: string[] = [];
  const failures: string[] = [];
  for (const variant of variants) {
    const seed = Number(process.env.CRASH_SEED ?? 1000 + rows.length);
    const started = performance.now();
    const result: CrashResult = await crashRun({
      kind: variant.kind,
      env: variant.env,
      rounds,
      maxAcks: 60,
      jitterMs: 250,
      applicants: 8,
      seed,
    });
    const wall = (performance.now() - started) / 1000;
    const restart = [...result.restartMs].sort((a, b) => a - b);
    const median = restart[Math.floor(restart.length / 2)];
    console.log(variant.label, JSON.stringify(result));
    rows.push(
      `| ${variant.label} | ${seed} | ${rounds} | ${result.acked.applications} / ${result.acked.receipts} / ${result.acked.publicationOps} | ${result.inDoubt} | ${result.found.applications} (${result.found.events} events) / ${result.found.publications} (${result.found.publicationEvents} events) | ${variant.kind === 'pglite' ? result.staleLocks : '–'} | ${(median / 1000).toFixed(1)} | ${result.violations.length} | ${wall.toFixed(0)} |`,
    );
    failures.push(...result.violations.map((v) => `${variant.label}: ${v}`));
  }
  const table = [
    '',
    '## Crash safety: SIGKILL under load',
    '',
    `Command: \`npm run bench crash\` (BENCH_CRASH_ROUNDS=${rounds}). Machine: 2 cores, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}, 1-min load average ${load.toFixed(1)} at the start (other work shares the cores).`,
    '',
    '| database | seed | kills | acknowledged: applications / receipts / publication edits | in doubt (no answer when killed) | found afterwards: applications / publications | stale lock files taken over | restart median s | violations | wall s |',
    '|---|---:|---:|---|---:|---|---:|---:|---:|---:|',
    ...rows,
    '',
    'Each round the server is killed after a random 1–60 acknowledged writes (and 1–3 publication edits) plus 0–250 ms; 8 applicants, a handler confirming receipt and a drafter creating, editing and submitting publications. Checked afterwards: every acknowledged application (by query code), receipt and publication edit is present, none twice, nothing refused is saved; for every application the projection equals `derive` of its events, the event seqs run 1…version and there is one audit entry per event; for every publication the status/step equals its review trail replayed, with one audit entry per trail event. Requests in flight when the server died may or may not have been saved (both are accepted).',
    '',
  ].join('\n');
  // BENCH_RECORD=0: a trial run, not recorded.
  if (process.env.BENCH_RECORD !== '0')
    appendFileSync(new URL('./RESULTS.md', import.meta.url), table);
  console.log(table);
  if (failures.length > 0) throw new Error(failures.join('\n'));
}
