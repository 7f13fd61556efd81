/** Aggregate petition totals for periods without individual records (e.g. a year before gongkai). */
import { and, asc, between, eq, inArray } from 'drizzle-orm';
import { GongkaiError } from '../errors.ts';
import { type IsoDate, toDayNumber } from '../law/date.ts';
import type { PetitionAggregate } from '../petitions/statistics.ts';
import { audit } from './audit.ts';
import type { Db } from './database.ts';
import { overlapping } from './periods.ts';
import { firstRow, listRows } from './rows.ts';
import { petitionAggregates, petitions } from './schema/petitions.ts';

export type PetitionAggregateRow = typeof petitionAggregates.$inferSelect;

export interface AggregateActor {
  userId?: number | null;
  ip?: string | null;
}

/**
 * Creates or replaces the totals of one period (keyed by agency and exact period). Refuses a period
 * that overlaps another aggregate or holds individually registered petitions (counted twice).
 */
export async function savePetitionAggregate(
  db: Db,
  agencyId: number,
  input: PetitionAggregate,
  actor: AggregateActor = {},
): Promise<PetitionAggregateRow> {
  checkAggregate(input);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const overlap = await firstRow(
      t,
      petitionAggregates,
      and(
        eq(petitionAggregates.agencyId, agencyId),
        overlapping(
          petitionAggregates.periodFrom,
          petitionAggregates.periodTo,
          input.periodFrom,
          input.periodTo,
        ),
      ),
    );
    const same = overlap?.periodFrom === input.periodFrom && overlap?.periodTo === input.periodTo;
    if (overlap && !same) {
      throw new GongkaiError('petition.aggregate.overlap', {
        periodFrom: overlap.periodFrom,
        periodTo: overlap.periodTo,
      });
    }
    const [record] = await tx
      .select({ id: petitions.id })
      .from(petitions)
      .where(
        and(
          eq(petitions.agencyId, agencyId),
          between(petitions.receivedOn, input.periodFrom, input.periodTo),
        ),
      )
      .limit(1);
    if (record) {
      throw new GongkaiError(
        'petition.aggregate.has-records',
        '该期间已有逐件登记的信访事项，汇总数会与之重复统计；请只为没有逐件登记的期间录入汇总数',
      );
    }
    const values = { agencyId, ...valuesOf(input), createdBy: actor.userId ?? null };
    const [row] = await tx
      .insert(petitionAggregates)
      .values(values)
      .onConflictDoUpdate({
        target: [
          petitionAggregates.agencyId,
          petitionAggregates.periodFrom,
          petitionAggregates.periodTo,
        ],
        set: { ...valuesOf(input), createdBy: actor.userId ?? null, updatedAt: new Date() },
      })
      .returning();
    await audit(t, {
      userId: actor.userId,
      agencyId,
      action: 'petition.aggregate.save',
      target: `petition-aggregate:${row.id}`,
      details: { ...valuesOf(input) },
      ip: actor.ip,
    });
    return row;
  });
}

export async function listPetitionAggregates(
  db: Db,
  agencyId: number,
): Promise<PetitionAggregateRow[]> {
  return listRows(db, petitionAggregates, { agencyId }, asc(petitionAggregates.periodFrom));
}

/** Aggregates that overlap [from, to] (the statistics decide which are wholly inside). */
export async function aggregatesOverlapping(
  db: Db,
  agencyId: number,
  from: IsoDate,
  to: IsoDate,
): Promise<PetitionAggregate[]> {
  return (await aggregatesOverlappingByAgency(db, [agencyId], from, to)).get(agencyId)!;
}

/** The same for each agency (every id has an entry), in one query. */
export async function aggregatesOverlappingByAgency(
  db: Db,
  agencyIds: readonly number[],
  from: IsoDate,
  to: IsoDate,
): Promise<Map<number, PetitionAggregate[]>> {
  const perAgency = new Map(agencyIds.map((id) => [id, [] as PetitionAggregate[]]));
  if (agencyIds.length === 0) return perAgency;
  const rows = await db
    .select()
    .from(petitionAggregates)
    .where(
      and(
        inArray(petitionAggregates.agencyId, [...agencyIds]),
        overlapping(petitionAggregates.periodFrom, petitionAggregates.periodTo, from, to),
      ),
    );
  for (const { id, agencyId, createdBy: _c, updatedAt: _u, ...a } of rows) {
    void id;
    perAgency.get(agencyId)!.push(a);
  }
  return perAgency;
}

function valuesOf(a: PetitionAggregate) {
  return {
    periodFrom: a.periodFrom,
    periodTo: a.periodTo,
    visitBatches: a.visitBatches,
    visitPersons: a.visitPersons,
    leaderBatches: a.leaderBatches,
    leaderPersons: a.leaderPersons,
    writtenHandled: a.writtenHandled,
    acceptanceDue: a.acceptanceDue,
    acceptanceOnTime: a.acceptanceOnTime,
    completionDue: a.completionDue,
    completionOnTime: a.completionOnTime,
    writtenCompletionDue: a.writtenCompletionDue,
    writtenCompletionOnTime: a.writtenCompletionOnTime,
    source: a.source ?? null,
  };
}

/** The totals must be whole, non-negative and consistent (a subset never exceeds its whole). */
export function checkAggregate(a: PetitionAggregate): void {
  if (toDayNumber(a.periodFrom) > toDayNumber(a.periodTo)) {
    throw new GongkaiError('petition.aggregate.period', '汇总期间的开始日期晚于结束日期');
  }
  const counts: [string, number | null][] = [
    ['来访批次', a.visitBatches],
    ['来访人次', a.visitPersons],
    ['领导接访批次', a.leaderBatches],
    ['领导接访人次', a.leaderPersons],
    ['来信、网上信访件数', a.writtenHandled],
    ['应告知件数', a.acceptanceDue],
    ['按期告知件数', a.acceptanceOnTime],
    ['应办结件数', a.completionDue],
    ['按期办结件数', a.completionOnTime],
    ['网信应办结件数', a.writtenCompletionDue],
    ['网信按期办结件数', a.writtenCompletionOnTime],
  ];
  for (const [label, n] of counts) {
    if (n !== null && (!Number.isInteger(n) || n < 0)) {
      throw new GongkaiError('petition.aggregate.count', `${label}应为非负整数`);
    }
  }
  const subsets: [string, number | null, number | null][] = [
    ['来访人次不能少于来访批次', a.visitPersons, a.visitBatches],
    ['领导接访批次不能多于来访批次', a.visitBatches, a.leaderBatches],
    ['领导接访人次不能多于来访人次', a.visitPersons, a.leaderPersons],
    ['领导接访人次不能少于领导接访批次', a.leaderPersons, a.leaderBatches],
    ['按期告知件数不能多于应告知件数', a.acceptanceDue, a.acceptanceOnTime],
    ['按期办结件数不能多于应办结件数', a.completionDue, a.completionOnTime],
    ['网信按期办结件数不能多于网信应办结件数', a.writtenCompletionDue, a.writtenCompletionOnTime],
  ];
  for (const [message, whole, part] of subsets) {
    if (whole !== null && part !== null && part > whole) {
      throw new GongkaiError('petition.aggregate.inconsistent', message);
    }
  }
  const pairs: [string, number | null, number | null][] = [
    ['应告知件数和按期告知件数', a.acceptanceDue, a.acceptanceOnTime],
    ['应办结件数和按期办结件数', a.completionDue, a.completionOnTime],
    ['网信应办结件数和网信按期办结件数', a.writtenCompletionDue, a.writtenCompletionOnTime],
  ];
  for (const [label, x, y] of pairs) {
    if ((x === null) !== (y === null)) {
      throw new GongkaiError('petition.aggregate.pair', `${label}应同时填写或同时留空`);
    }
  }
}
