/** One-time form tokens: a form that creates a record does so once, whatever is resubmitted. */
import { eq } from 'drizzle-orm';
import { GongkaiError } from '../errors.ts';
import type { Db } from './database.ts';
import { firstRow } from './rows.ts';
import { formSubmissions } from './schema.ts';

export interface SubmissionClaim {
  token: string;
  /** Which form: 'apply', 'petition', … */
  form: string;
  agencyId: number;
  /** Hash of the submitting browser's CSRF token. */
  owner: string;
}

/**
 * Runs `create` once per token. The token is claimed first in the same transaction: a second
 * submission (double click, reload) waits for the first and gets its record; if `create` fails,
 * nothing is kept and the token can be used again.
 */
export async function submitOnce(
  db: Db,
  claim: SubmissionClaim,
  create: (tx: Db) => Promise<number>,
): Promise<{ recordId: number; first: boolean }> {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [claimed] = await tx
      .insert(formSubmissions)
      .values(claim)
      .onConflictDoNothing()
      .returning({ token: formSubmissions.token });
    if (!claimed) {
      const earlier = await findSubmission(tx, claim.token, claim.form);
      const same = earlier?.agencyId === claim.agencyId && earlier.owner === claim.owner;
      if (!earlier || !same) {
        throw new GongkaiError(
          'form.stale',
          '表单已失效，请核对后再次提交。已填写的内容均已保留。',
        );
      }
      return { recordId: earlier.recordId, first: false };
    }
    const recordId = await create(tx);
    await tx
      .update(formSubmissions)
      .set({ recordId })
      .where(eq(formSubmissions.token, claim.token));
    return { recordId, first: true };
  });
}

/** The submission a token made, if it made one. */
export async function findSubmission(db: Db, token: string, form?: string) {
  const row = await firstRow(db, formSubmissions, form === undefined ? { token } : { token, form });
  return row?.recordId ? { ...row, recordId: row.recordId } : undefined;
}
