import { readdirSync } from 'node:fs';

/**
 * `npm run bench [name…]`: runs every bench/<name>.bench.ts (or the named ones) in turn.
 * Each file exports `run()`, prints its ratios and records them in bench/RESULTS.md itself.
 */
const dir = new URL('./', import.meta.url);
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.ts', '')))
  .sort();

for (const file of files) {
  console.log(`\n== ${file}`);
  const bench = (await import(new URL(file, dir).href)) as { run?: () => Promise<unknown> };
  if (typeof bench.run !== 'function') throw new Error(`${file} exports no run()`);
  await bench.run();
}
