/**
 * A change to an agency's own settings (profile, letters): the row locked for the change, and the
 * fields that changed saved with their values before and after in the audit log.
 */
import { eq } from 'drizzle-orm';
import { GongkaiError } from '../errors.ts';
import type { Agency } from './agencies.ts';
import { audit } from './audit.ts';
import type { SettingsActor } from './catalogSettings.ts';
import type { Db } from './database.ts';
import { agencies } from './schema.ts';

/** The agency's row, locked until the transaction ends. */
export async function lockAgency(t: Db, agencyId: number): Promise<Agency> {
  const [current] = await t.select().from(agencies).where(eq(agencies.id, agencyId)).for('update');
  if (!current) throw new GongkaiError('agency.not-found', '该单位不存在。');
  return current;
}

/** The fields whose value differs (null and undefined alike). */
export function changedFields<F extends string>(
  fields: readonly F[],
  before: Partial<Record<F, unknown>>,
  after: Partial<Record<F, unknown>>,
): F[] {
  return fields.filter((f) => (before[f] ?? null) !== (after[f] ?? null));
}

/** Writes the changed fields and audits them as `action`, before and after; returns the new row. */
export async function saveAgencyChange<F extends string>(
  t: Db,
  current: Agency,
  change: { fields: readonly F[]; before: Record<F, unknown>; after: Record<F, unknown> },
  action: string,
  actor: SettingsActor,
): Promise<Agency> {
  const pick = (values: Record<F, unknown>) =>
    Object.fromEntries(change.fields.map((f) => [f, values[f]]));
  const [row] = await t
    .update(agencies)
    .set(pick(change.after))
    .where(eq(agencies.id, current.id))
    .returning();
  await audit(t, {
    userId: actor.userId,
    agencyId: current.id,
    action,
    target: `agency:${current.code}`,
    details: { before: pick(change.before), after: pick(change.after) },
    ip: actor.ip ?? null,
  });
  return row;
}
