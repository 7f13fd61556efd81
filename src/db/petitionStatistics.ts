import { and, eq, lte } from 'drizzle-orm';
import type { IsoDate } from '../law/date.ts';
import { todayInChina } from '../law/date.ts';
import type { PetitionChannel } from '../petitions/channel.ts';
import {
  computePetitionStatistics,
  type PetitionFacts,
  type PetitionStatistics,
} from '../petitions/statistics.ts';
import type { Db } from './database.ts';
import { aggregatesOverlapping } from './petitionAggregates.ts';
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
  const rows = await db
    .select({
      channel: petitions.channel,
      receivedOn: petitions.receivedOn,
      persons: petitions.persons,
      leaderReceived: petitions.leaderReceived,
      acceptanceDue: petitions.acceptanceDue,
      acceptanceDecidedOn: petitions.acceptanceDecidedOn,
      acceptanceDecision: petitions.acceptanceDecision,
      handlingDue: petitions.handlingDue,
      closedOn: petitions.closedOn,
    })
    .from(petitions)
    .where(and(eq(petitions.agencyId, agencyId), lte(petitions.receivedOn, to)));
  const facts: PetitionFacts[] = rows.map((r) => ({
    channel: r.channel as PetitionChannel,
    receivedOn: r.receivedOn,
    persons: r.persons,
    leaderReceived: r.leaderReceived,
    acceptanceDue: r.acceptanceDue,
    acceptanceDecidedOn: r.acceptanceDecidedOn,
    accepted: r.acceptanceDecision === 'accepted',
    handlingDue: r.handlingDue,
    closedOn: r.closedOn,
  }));
  const aggregates = await aggregatesOverlapping(db, agencyId, from, to);
  return computePetitionStatistics(facts, aggregates, { from, to }, asOf);
}
