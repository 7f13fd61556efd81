/**
 * 湘潭县信访局's petition work in 2021 as aggregate totals, exactly as its annual report states
 * (`shared/seed/000_8943cd9161ebccf1.txt`, section 六): 来访1119批2588人次, 县级领导接访214批1065人次,
 * 来信、网上信访3007件, 网信办结率100%. Added only when 2021 has no aggregate and no records yet.
 */
import { and, between, eq } from 'drizzle-orm';
import { findAgencyByCode } from '../db/agencies.ts';
import type { Db } from '../db/database.ts';
import { listPetitionAggregates, savePetitionAggregate } from '../db/petitionAggregates.ts';
import { petitions } from '../db/schema/petitions.ts';
import type { PetitionAggregate } from '../petitions/statistics.ts';
import { demoAgency } from './agencies.ts';

export const xfjPetitions2021: PetitionAggregate = {
  periodFrom: '2021-01-01',
  periodTo: '2021-12-31',
  visitBatches: 1119,
  visitPersons: 2588,
  leaderBatches: 214,
  leaderPersons: 1065,
  writtenHandled: 3007,
  // The report states no acceptance or overall completion figures: unknown, not zero.
  acceptanceDue: null,
  acceptanceOnTime: null,
  completionDue: null,
  completionOnTime: null,
  writtenCompletionDue: 3007,
  writtenCompletionOnTime: 3007,
  source: '湘潭县信访局2021年政府信息公开工作年度报告',
};

export async function petitionsDemo(db: Db): Promise<void> {
  const agency = await findAgencyByCode(db, demoAgency.code);
  if (!agency) return;
  const { periodFrom: from, periodTo: to } = xfjPetitions2021;
  const aggregates = await listPetitionAggregates(db, agency.id);
  if (aggregates.some((a) => a.periodFrom <= to && a.periodTo >= from)) return;
  const [record] = await db
    .select({ id: petitions.id })
    .from(petitions)
    .where(and(eq(petitions.agencyId, agency.id), between(petitions.receivedOn, from, to)))
    .limit(1);
  if (record) return;
  await savePetitionAggregate(db, agency.id, xfjPetitions2021);
}
