/** What the daily staff digest reads: who gets one, and the work waiting in their agency. */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { ReviewStep } from '../catalog/reviewChain.ts';
import type { IsoDate } from '../law/date.ts';
import { caseCounts } from './casesList.ts';
import { getReviewChain } from './catalogCategories.ts';
import type { Db } from './database.ts';
import { countByStatus } from './publications/read.ts';
import { petitions } from './schema/petitions.ts';
import { agencies, memberships, type Role, users } from './schema.ts';

export interface DigestRecipient {
  userId: number;
  email: string;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  roles: Role[];
}

/** Every enabled user with an e-mail address, once per agency they work in. */
export async function digestRecipients(db: Db): Promise<DigestRecipient[]> {
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      agencyId: agencies.id,
      agencyCode: agencies.code,
      agencyName: agencies.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(agencies, eq(agencies.id, memberships.agencyId))
    .where(and(isNotNull(users.email), eq(users.disabled, false)))
    .orderBy(users.id, agencies.id);
  const byKey = new Map<string, DigestRecipient>();
  for (const r of rows) {
    const key = `${r.userId}:${r.agencyId}`;
    const entry = byKey.get(key) ?? { ...r, email: r.email as string, roles: [] };
    entry.roles.push(r.role);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

export interface AgencyWork {
  /**
   * Cases without a reply due within 3 working days, overdue, waiting for receipt, and answered
   * online by the applicant (补正) since the staff last acted.
   */
  cases: { due: number; overdue: number; pending: number; supplied: number };
  /** Petitions registered but not yet answered on acceptance. */
  newPetitions: number;
  /** Publications waiting at each review step. */
  reviews: { step: ReviewStep; n: number }[];
}

export async function agencyWork(
  db: Db,
  agencyId: number,
  today: IsoDate,
  dueBy: IsoDate,
): Promise<AgencyWork> {
  const cases = await caseCounts(db, agencyId, today, dueBy);
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(petitions)
    .where(and(eq(petitions.agencyId, agencyId), eq(petitions.status, 'registered')));
  const chain = await getReviewChain(db, agencyId);
  const counts = await countByStatus(db, agencyId);
  const reviews = chain.map((step, i) => ({
    step,
    n: counts.filter((r) => r.status === 'review' && r.step === i).reduce((s, r) => s + r.n, 0),
  }));
  return { cases, newPetitions: Number(n), reviews: reviews.filter((r) => r.n > 0) };
}
