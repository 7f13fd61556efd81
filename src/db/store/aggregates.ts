/**
 * Every aggregate of the event store, by kind. `reprojectAll` and the daily schedule walk this
 * list, and the shared store test suite runs against each entry — a new aggregate is one line.
 */
import { applicationAggregate } from '../cases.ts';
import type { Db } from '../database.ts';
import { petitionAggregate } from '../petitions.ts';
import { publicationAggregate } from '../publications/aggregate.ts';
import {
  type Aggregate,
  type AggregateKind,
  type AggregateRow,
  type ReprojectResult,
  reproject,
  type StoredEventBase,
} from './eventStore.ts';

// biome-ignore lint/suspicious/noExplicitAny: the registry holds aggregates of different types
type AnyAggregate = Aggregate<AggregateRow, StoredEventBase, any, any>;

export const aggregates: Partial<Record<AggregateKind, AnyAggregate>> = {
  application: applicationAggregate,
  petition: petitionAggregate,
  publication: publicationAggregate,
};

/** What each kind is called in messages. */
export const kindLabels: Record<AggregateKind, string> = {
  application: '依申请公开申请',
  petition: '信访事项',
  publication: '主动公开信息',
};

/** The registered kinds, in the order reproject runs them. */
export function registeredKinds(): AggregateKind[] {
  return (Object.keys(aggregates) as AggregateKind[]).filter((k) => aggregates[k]);
}

export interface KindReprojectResult extends ReprojectResult {
  kind: AggregateKind;
}

/** Re-projects every row of `kinds` (default: all registered) from its log. */
export async function reprojectAll(
  db: Db,
  kinds: AggregateKind[] = registeredKinds(),
  /** Rows done of each kind, after each batch (the CLI's progress line). */
  onProgress?: (kind: AggregateKind, done: number, total: number) => void,
): Promise<KindReprojectResult[]> {
  const results: KindReprojectResult[] = [];
  for (const kind of kinds) {
    const aggregate = aggregates[kind];
    if (!aggregate) continue;
    const progress = onProgress && ((done: number, total: number) => onProgress(kind, done, total));
    results.push({
      kind,
      ...(await reproject(db, aggregate, undefined, { onProgress: progress })),
    });
  }
  return results;
}
