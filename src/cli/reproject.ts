import { openDatabase } from '../db/open.ts';
import {
  aggregates,
  type KindReprojectResult,
  kindLabels,
  registeredKinds,
  reprojectAll,
} from '../db/store/aggregates.ts';
import { type AggregateKind, REPROJECT_BATCH } from '../db/store/eventStore.ts';
import { GongkaiError } from '../errors.ts';
import { parseCliArgs, runCommand } from './args.ts';
import { progressLine } from './progress.ts';

/**
 * `gongkai reproject [--kind application|petition|publication]`: recompute the stored due dates
 * and other projections from the event logs. Exit code 1 when some log no longer derives.
 */
export const run = (args: string[]) =>
  runCommand(async () => {
    const { values, positionals } = parseCliArgs(args, { kind: { type: 'string' } });
    if (positionals.length > 0) {
      throw new GongkaiError('cli.arguments', `多余的参数：${positionals.join(' ')}`);
    }
    const kinds = values.kind === undefined ? registeredKinds() : [kindOf(values.kind)];
    const database = await openDatabase();
    try {
      // A line on stderr after each batch of a reproject longer than one batch.
      const results = await reprojectAll(database.db, kinds, (kind, done, total) =>
        progressLine((d, t) => `${kindLabels[kind]}：已重算 ${d}/${t} 条`, REPROJECT_BATCH)(
          done,
          total,
        ),
      );
      for (const line of reprojectReport(results)) console.log(line);
      return results.some((r) => r.failed.length > 0) ? 1 : 0;
    } finally {
      await database.close();
    }
  });

function kindOf(text: string): AggregateKind {
  const kind = text as AggregateKind;
  if (!aggregates[kind]) {
    throw new GongkaiError('cli.reproject.kind', {
      kind: text,
      kinds: registeredKinds().join('、'),
    });
  }
  return kind;
}

/** One line per kind, then one per log that no longer derives. */
export function reprojectReport(results: KindReprojectResult[]): string[] {
  const lines: string[] = [];
  for (const { kind, rewritten, failed } of results) {
    lines.push(`${kindLabels[kind]}：重算 ${rewritten} 条，失败 ${failed.length} 条`);
    for (const f of failed) lines.push(`  失败：${kind}:${f.id}（${f.code}）`);
  }
  return lines;
}
