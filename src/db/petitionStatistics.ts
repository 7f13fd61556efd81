import { and, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { IsoDate } from '../law/date.ts';
import { todayInChina } from '../law/date.ts';
import type { PetitionChannel } from '../petitions/channel.ts';
import { isLeaderLevel } from '../petitions/leaderLevel.ts';
import {
  computePetitionStatistics,
  type PetitionFacts,
  type PetitionStatistics,
} from '../petitions/statistics.ts';
import type { Db } from './database.ts';
import { aggregatesOverlappingByAgency } from './petitionAggregates.ts';
import { petitions } from './schema/petitions.ts';

/**
 * The petition statistics of an agency for [from, to] (inclusive): individually registered
 * petitions plus the aggregate totals of periods wholly inside. Definitions:
 * `PETITION_STATISTIC_DEFINITIONS` in src/petitions/statistics.ts.
 */
export async function petitionStatistics(
  db: Db,
  agencyId: number,
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDate = todayInChina(),
): Promise<PetitionStatistics> {
  return (await petitionStatisticsByAgency(db, [agencyId], from, to, asOf)).get(agencyId)!;
}

/** How many of the agency's petitions are overdue on `today`: acceptance or handling past due. */
export async function countOverduePetitions(db: Db, agencyId: number, today: IsoDate) {
  const rows = await db
    .select({ id: petitions.id })
    .from(petitions)
    .where(
      and(
        eq(petitions.agencyId, agencyId),
        or(
          and(isNull(petitions.acceptanceDecidedOn), lt(petitions.acceptanceDue, today)),
          and(isNull(petitions.closedOn), lt(petitions.handlingDue, today)),
        ),
      ),
    );
  return rows.length;
}

/** The statistics of each agency on its own (every id has an entry), in two queries. */
export async function petitionStatisticsByAgency(
  db: Db,
  agencyIds: readonly number[],
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDate = todayInChina(),
): Promise<Map<number, PetitionStatistics>> {
  if (agencyIds.length === 0) return new Map();
  const rows = await db
    .select({
      agencyId: petitions.agencyId,
      channel: petitions.channel,
      receivedOn: petitions.receivedOn,
      persons: petitions.persons,
      leaderReceived: petitions.leaderReceived,
      leaderLevel: petitions.leaderLevel,
      acceptanceDue: petitions.acceptanceDue,
      acceptanceDecidedOn: petitions.acceptanceDecidedOn,
      acceptanceDecision: petitions.acceptanceDecision,
      handlingDue: petitions.handlingDue,
      closedOn: petitions.closedOn,
    })
    .from(petitions)
    .where(and(inArray(petitions.agencyId, [...agencyIds]), lte(petitions.receivedOn, to)));
  const facts = new Map(agencyIds.map((id) => [id, [] as PetitionFacts[]]));
  for (const r of rows)
    facts.get(r.agencyId)!.push({
      channel: r.channel as PetitionChannel,
      receivedOn: r.receivedOn,
      persons: r.persons,
      leaderReceived: r.leaderReceived,
      leaderLevel: isLeaderLevel(r.leaderLevel) ? r.leaderLevel : null,
      acceptanceDue: r.acceptanceDue,
      acceptanceDecidedOn: r.acceptanceDecidedOn,
      accepted: r.acceptanceDecision === 'accepted',
      handlingDue: r.handlingDue,
      closedOn: r.closedOn,
    });
  const aggregates = await aggregatesOverlappingByAgency(db, agencyIds, from, to);
  return new Map(
    agencyIds.map((id) => [
      id,
      computePetitionStatistics(facts.get(id)!, aggregates.get(id)!, { from, to }, asOf),
    ]),
  );
}
