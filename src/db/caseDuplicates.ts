/** Applications already registered that a new registration may repeat (same applicant, request). */
import { and, between, eq, or } from 'drizzle-orm';
import {
  duplicateWindow,
  looksLikeDuplicate,
  type RegisteredApplication,
} from '../cases/intake.ts';
import type { Db } from './database.ts';
import { applications } from './schema/cases.ts';

export interface LikelyDuplicate {
  id: number;
  submittedOn: string;
  applicantName: string;
  description: string;
}

/** At most `limit` earlier registrations of the agency that look like `candidate`. */
export async function likelyDuplicates(
  db: Db,
  agencyId: number,
  candidate: RegisteredApplication,
  limit = 5,
): Promise<LikelyDuplicate[]> {
  const { from, to } = duplicateWindow(candidate.submittedOn);
  const sameApplicant = [eq(applications.applicantName, candidate.applicantName.trim())];
  if (candidate.phoneDigits)
    sameApplicant.push(eq(applications.phoneDigits, candidate.phoneDigits));
  const rows = await db
    .select({
      id: applications.id,
      submittedOn: applications.submittedOn,
      applicantName: applications.applicantName,
      phoneDigits: applications.phoneDigits,
      request: applications.request,
    })
    .from(applications)
    .where(
      and(
        eq(applications.agencyId, agencyId),
        between(applications.submittedOn, from, to),
        or(...sameApplicant),
      ),
    )
    .orderBy(applications.id)
    .limit(200);
  return rows
    .map((r) => ({ ...r, description: r.request.description }))
    .filter((r) => looksLikeDuplicate(candidate, r))
    .slice(0, limit)
    .map(({ id, submittedOn, applicantName, description }) => ({
      id,
      submittedOn,
      applicantName,
      description,
    }));
}
