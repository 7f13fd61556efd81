/**
 * Row n1 hand-over: a disclosure application decided as 信访举报投诉类申请 (《条例》第三十九条第一款)
 * becomes a petition in one step. The petition keeps `source_application_id`; the application side
 * finds it with `findPetitionByApplication`. Creating it twice returns the first one.
 */
import { eq } from 'drizzle-orm';
import { GongkaiError } from '../errors.ts';
import type { IsoDate } from '../law/date.ts';
import type { PetitionChannel } from '../petitions/channel.ts';
import type { Db } from './database.ts';
import {
  findPetitionByApplication,
  type PetitionActor,
  type PetitionerInput,
  registerPetition,
} from './petitions.ts';
import { applications } from './schema/cases.ts';

export interface PetitionFromApplication {
  applicationId: number;
  /** When given, the application must belong to this agency (the back office's current one). */
  agencyId?: number;
  /** The day the petition register receives the matter (the hand-over day). */
  receivedOn: IsoDate;
  /** Defaults to 网上信访 for applications made online, otherwise 来信. */
  channel?: PetitionChannel;
  subject?: string;
  handlingUnit?: string | null;
}

export async function createPetitionFromApplication(
  db: Db,
  input: PetitionFromApplication,
  actor: PetitionActor = {},
): Promise<{ id: number; queryCode: string; created: boolean }> {
  const [app] = await db
    .select()
    .from(applications)
    .where(eq(applications.id, input.applicationId));
  if (!app || (input.agencyId !== undefined && app.agencyId !== input.agencyId)) {
    throw new GongkaiError('petition.handover.no-application', {
      applicationId: input.applicationId,
    });
  }
  const existing = await findPetitionByApplication(db, input.applicationId);
  if (existing) return { id: existing.id, queryCode: existing.queryCode, created: false };
  if (app.outcome !== 'n1') {
    throw new GongkaiError(
      'petition.handover.not-n1',
      '只有决定为“信访举报投诉类申请”（不予处理 n1）的申请才能转为信访事项',
    );
  }
  const petitioner: PetitionerInput = {
    name: app.applicant.name,
    phone: app.applicant.phone,
    email: app.applicant.email ?? null,
    idNumber: app.applicant.idNumber ?? null,
    address: app.applicant.address ?? null,
  };
  const description = app.request.description;
  const register = () =>
    registerPetition(
      db,
      {
        agencyId: app.agencyId,
        channel: input.channel ?? (app.channel === 'online' ? 'online' : 'letter'),
        receivedOn: input.receivedOn,
        subject: input.subject ?? subjectOf(description),
        content: description,
        handlingUnit: input.handlingUnit ?? null,
        petitioners: [petitioner],
        sourceApplicationId: app.id,
      },
      actor,
    );
  try {
    return { ...(await register()), created: true };
  } catch (error) {
    // Two clicks at once: the unique index on source_application_id lets only one insert win.
    const winner = isUniqueViolation(error) && (await findPetitionByApplication(db, app.id));
    if (!winner) throw error;
    return { id: winner.id, queryCode: winner.queryCode, created: false };
  }
}

function isUniqueViolation(error: unknown): boolean {
  const codeOf = (e: unknown) => (e as { code?: string } | undefined)?.code;
  return codeOf(error) === '23505' || codeOf((error as { cause?: unknown })?.cause) === '23505';
}

function subjectOf(description: string): string {
  const first = description.trim().split(/[\n。！？]/)[0] ?? '';
  const chars = [...first];
  return `（依申请公开转入）${chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : first}`;
}
