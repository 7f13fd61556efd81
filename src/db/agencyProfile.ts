/**
 * The agency's profile as its `admin` edits it: the name, the 统一社会信用代码 (prefix of every new
 * 索引号) and the contact details the 公开指南 shows (Art. 12).
 */
import { and, eq, ne } from 'drizzle-orm';
import { isValidUscc } from '../catalog/identifiers.ts';
import { GongkaiError } from '../errors.ts';
import type { Agency } from './agencies.ts';
import { changedFields, lockAgency, saveAgencyChange } from './agencySettings.ts';
import type { SettingsActor } from './catalogSettings.ts';
import type { Db } from './database.ts';
import { agencies } from './schema.ts';

export const profileFields = [
  'name',
  'uscc',
  'address',
  'postcode',
  'officeHours',
  'phone',
  'fax',
  'email',
  'website',
] as const;
export type ProfileField = (typeof profileFields)[number];

/** `name` is required; any other field may be null (not shown on the guide). */
export type AgencyProfile = { name: string } & Record<Exclude<ProfileField, 'name'>, string | null>;

export function profileOf(agency: Agency): AgencyProfile {
  const { name, uscc, address, postcode, officeHours, phone, fax, email, website } = agency;
  return { name, uscc, address, postcode, officeHours, phone, fax, email, website };
}

/**
 * Saves the fields that changed and records them, before and after, in the audit log. A new
 * 统一社会信用代码 must pass its check character; one already stored is kept as it is (issued
 * 索引号 never change, and an office can still fix the others while it has the code checked).
 */
export async function updateAgencyProfile(
  db: Db,
  agencyId: number,
  profile: AgencyProfile,
  actor: SettingsActor,
): Promise<{ agency: Agency; changed: ProfileField[] }> {
  return db.transaction(async (tx) => {
    const t = tx as Db;
    const current = await lockAgency(t, agencyId);
    const before = profileOf(current);
    const uscc = profile.uscc?.replace(/\s/g, '').toUpperCase() || null;
    if (uscc !== before.uscc && uscc !== null && !isValidUscc(uscc))
      throw new GongkaiError(
        'agency.uscc',
        '统一社会信用代码不正确（应为18位，末位校验码须相符），请核对。',
      );
    if (uscc !== before.uscc && uscc !== null) {
      const [holder] = await t
        .select({ name: agencies.name })
        .from(agencies)
        .where(and(eq(agencies.uscc, uscc), ne(agencies.id, agencyId)));
      if (holder) throw new GongkaiError('agency.uscc-taken', { name: holder.name });
    }
    const after: AgencyProfile = { ...profile, uscc };
    const changed = changedFields(profileFields, before, after);
    if (changed.length === 0) return { agency: current, changed };
    const change = { fields: changed, before, after };
    const row = await saveAgencyChange(t, current, change, 'settings.profile', actor);
    return { agency: row, changed };
  });
}
