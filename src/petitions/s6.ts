import { LEADER_LEVEL_LABELS, LEADER_LEVELS } from './leaderLevel.ts';
import { formatRate, type PetitionStatistics } from './statistics.ts';

export interface S6Options {
  /** Who receives visits, e.g. `县人民来访接待中心` (default) or `市信访局来访接待大厅`. */
  receptionCenter?: string;
  /** The words for receptions whose leader's level is not recorded (aggregates, older records), e.g. `县级领导` (default). */
  leaderLevel?: string;
  /** Put `YYYY年，` before the text (the seed's section 六 begins `2021年，`). */
  year?: number;
}

/**
 * The petition sentences of the annual report's section 六, e.g.
 * `县人民来访接待中心共接待群众来访1119批2588人次，县级领导接待来访群众214批1065人次。群众来信、网上信访共办理信访事项3007件，网信办结率100%。`
 * A rate that is unknown or has nothing due is left out rather than guessed.
 */
export function s6PetitionText(stats: PetitionStatistics, options: S6Options = {}): string {
  const center = options.receptionCenter ?? '县人民来访接待中心';
  const { visits, written, writtenCompletion } = stats;
  let visitText =
    visits.batches > 0
      ? `${center}共接待群众来访${visits.batches}批${visits.persons}人次`
      : `${center}未接待群众来访`;
  for (const [leaders, led] of leaderReceptionsByLabel(stats, options.leaderLevel ?? '县级领导')) {
    visitText += `，${leaders}接待来访群众${led.batches}批${led.persons}人次`;
  }
  let writtenText =
    written.handled > 0
      ? `群众来信、网上信访共办理信访事项${written.handled}件`
      : '未收到群众来信、网上信访事项';
  if (writtenCompletion.known && writtenCompletion.rate !== null) {
    writtenText += `，网信办结率${formatRate(writtenCompletion)}`;
  }
  const prefix = options.year === undefined ? '' : `${options.year}年，`;
  return `${prefix}${visitText}。${writtenText}。`;
}

type Counts = { batches: number; persons: number };

/** Receptions per level's words, in the levels' order; those without a level go under `unknownLabel`. */
function leaderReceptionsByLabel(
  stats: PetitionStatistics,
  unknownLabel: string,
): [string, Counts][] {
  const byLabel = new Map<string, Counts>();
  const add = (label: string, counts: Counts) => {
    const sum = byLabel.get(label) ?? { batches: 0, persons: 0 };
    byLabel.set(label, {
      batches: sum.batches + counts.batches,
      persons: sum.persons + counts.persons,
    });
  };
  const unknown = { ...stats.leaderReceptions };
  for (const level of LEADER_LEVELS) {
    const counts = stats.leaderReceptionsByLevel[level];
    unknown.batches -= counts.batches;
    unknown.persons -= counts.persons;
  }
  add(unknownLabel, unknown);
  for (const level of LEADER_LEVELS)
    add(LEADER_LEVEL_LABELS[level], stats.leaderReceptionsByLevel[level]);
  return [...byLabel].filter(([, counts]) => counts.batches > 0);
}
