/**
 * The full fuzz run (issue 9): at least 10,000 mutated inputs per registered report parser and
 * 100,000 in all, bounded to ~10 minutes of wall time; writes the numbers into the `## Fuzzing`
 * section of bench/RESULTS.md (between its fuzz-run markers, replacing the previous run).
 * Run: npm run bench fuzz (FUZZ_MINUTES, FUZZ_SEED to change).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { type FuzzStats, runFuzz, summary } from './fuzz/run.ts';

const resultsFile = new URL('./RESULTS.md', import.meta.url);

function section(stats: FuzzStats, minutes: number, load: [number, number]): string {
  const day = new Date().toISOString().slice(0, 10);
  const failures = stats.failures.map(
    (f) =>
      `- ${f.kind} ×${f.count} in ${f.target}: ${f.detail.split('\n')[0]} (input ${f.index}, kept as \`${f.file}\`)`,
  );
  return [
    `### Run of ${day}, seed ${stats.seed}`,
    '',
    `Command: \`npm run bench fuzz\` (= \`node --import tsx bench/fuzz/run.ts --seed ${stats.seed} --minutes ${minutes}\`). ` +
      `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}; 1-min load average ` +
      `${load[0].toFixed(1)} at the start and ${load[1].toFixed(1)} at the end (other work shares the cores). ` +
      'A hang is an input that used over 2 s of its worker thread CPU time, still over 2 s when re-run alone.',
    '',
    summary(stats),
    '',
    ...(failures.length
      ? ['Failures (first input of each kind kept for the bug report):', '', ...failures, '']
      : []),
  ].join('\n');
}

export async function run(): Promise<FuzzStats> {
  const minutes = Number(process.env.FUZZ_MINUTES ?? 10);
  const seed = Number(process.env.FUZZ_SEED ?? 1);
  const loadStart = loadavg()[0];
  const stats = await runFuzz({
    seed,
    inputs: 100_000,
    perTarget: 10_000,
    timeBudgetMs: minutes * 60_000,
    log: (line) => console.log(line),
  });
  const text = section(stats, minutes, [loadStart, loadavg()[0]]);
  console.log(text);
  writeFileSync(resultsFile, withRun(readFileSync(resultsFile, 'utf8'), text));
  return stats;
}

const begin = '<!-- fuzz run (bench/fuzz.bench.ts rewrites from here) -->';
const end = '<!-- end: fuzz run -->';

/** The results file with the latest run between the markers of the `## Fuzzing` section. */
export function withRun(results: string, text: string): string {
  const block = `${begin}\n\n${text.trimEnd()}\n\n${end}`;
  const from = results.indexOf(begin);
  const to = results.indexOf(end);
  if (from >= 0 && to > from)
    return results.slice(0, from) + block + results.slice(to + end.length);
  const heading = results.indexOf('\n## Fuzzing\n');
  if (heading < 0)
    return `${results.trimEnd()}\n\n## Fuzzing\n\nEvery registered report parser (\`src/report/parse/index.ts\`) fed mutated inputs, see docs/fuzzing.md.\n\n${block}\n`;
  const next = results.indexOf('\n## ', heading + 1);
  const at = next < 0 ? results.length : next;
  return `${results.slice(0, at).trimEnd()}\n\n${block}\n${results.slice(at)}`;
}
