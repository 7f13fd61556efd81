/**
 * What an agency's reply letters carry from its settings: the 复议机关 and the competent court of
 * every remedy (行政复议法 2023 第二十四条) and the letter-number template; and the numbering
 * itself — one serial per agency and year, allocated under a row lock.
 */
import { and, eq, sql } from 'drizzle-orm';
import { letterNumber, letterNumberTemplateProblem } from '../cases/letterNumber.ts';
import { GongkaiError } from '../errors.ts';
import type { RemedyBodies } from '../law/remedies.ts';
import { type Agency, findAgencyById } from './agencies.ts';
import { changedFields, lockAgency, saveAgencyChange } from './agencySettings.ts';
import type { SettingsActor } from './catalogSettings.ts';
import type { Db } from './database.ts';
import { letterCounters } from './schema/cases.ts';

export interface LetterSettings {
  reconsiderationBody: string | null;
  court: string | null;
  letterNumberTemplate: string | null;
  /** Online applications must carry an identity proof (条例 第二十九条). */
  identityProofRequired: boolean;
  /** Art. 44: how many different applicants asking for the same information prompt 主动公开. */
  proactivePromptApplicants: number;
  /** A letter whose date is provisional (next year's holidays not loaded) cannot be recorded. */
  holdProvisionalLetters: boolean;
}

const fields = [
  'reconsiderationBody',
  'court',
  'letterNumberTemplate',
  'identityProofRequired',
  'proactivePromptApplicants',
  'holdProvisionalLetters',
] as const;

export function letterSettingsOf(agency: Agency): LetterSettings {
  const { reconsiderationBody, court, letterNumberTemplate, identityProofRequired } = agency;
  const { proactivePromptApplicants, holdProvisionalLetters } = agency;
  return {
    reconsiderationBody,
    court,
    letterNumberTemplate,
    identityProofRequired,
    proactivePromptApplicants,
    holdProvisionalLetters,
  };
}

/**
 * The 复议机关 and court a letter names. Unset, a department's 复议机关 is the government above it
 * (a county department → the county government) and a government's the one above it; vertical
 * bodies (customs, tax …) set theirs. An unset court stays null: the letter says 有管辖权的人民法院.
 */
export async function remedyBodiesOf(db: Db, agency: Agency): Promise<RemedyBodies> {
  const parent = agency.parentId ? await findAgencyById(db, agency.parentId) : undefined;
  return {
    reconsiderationBody: agency.reconsiderationBody ?? parent?.name ?? null,
    court: agency.court,
  };
}

/** Saves the changed settings with before/after in the audit log. */
export async function updateLetterSettings(
  db: Db,
  agencyId: number,
  settings: LetterSettings,
  actor: SettingsActor,
): Promise<{ changed: (typeof fields)[number][] }> {
  const template = settings.letterNumberTemplate;
  const problem = template ? letterNumberTemplateProblem(template) : null;
  if (problem) throw new GongkaiError('agency.letter-number-template', problem);
  const n = settings.proactivePromptApplicants;
  if (!Number.isInteger(n) || n < 2 || n > 50) {
    throw new GongkaiError(
      'agency.proactive-applicants',
      '提示转为主动公开的申请人数须为2至50之间的整数。',
    );
  }
  return db.transaction(async (tx) => {
    const t = tx as Db;
    const current = await lockAgency(t, agencyId);
    const before = letterSettingsOf(current);
    const changed = changedFields(fields, before, settings);
    if (changed.length === 0) return { changed };
    const change = { fields: changed, before, after: settings };
    await saveAgencyChange(t, current, change, 'settings.letters', actor);
    return { changed };
  });
}

/**
 * The next letter number of the agency in the year. Call inside the transaction that stores the
 * letter: the counter row stays locked until it commits, so two letters never share a serial
 * (and `letters_number_serial` refuses it if they did).
 */
export async function allocateLetterNumber(
  db: Db,
  agency: Agency,
  year: number,
): Promise<{ year: number; serial: number; number: string }> {
  const [row] = await db
    .insert(letterCounters)
    .values({ agencyId: agency.id, year, last: 1 })
    .onConflictDoUpdate({
      target: [letterCounters.agencyId, letterCounters.year],
      set: { last: sql`${letterCounters.last} + 1` },
    })
    .returning({ last: letterCounters.last });
  const serial = row.last;
  return { year, serial, number: letterNumber(agency.letterNumberTemplate, year, serial) };
}

/** The last serial issued (0 when none): for tests and the settings page. */
export async function lastLetterSerial(db: Db, agencyId: number, year: number): Promise<number> {
  const [row] = await db
    .select({ last: letterCounters.last })
    .from(letterCounters)
    .where(and(eq(letterCounters.agencyId, agencyId), eq(letterCounters.year, year)));
  return row?.last ?? 0;
}
