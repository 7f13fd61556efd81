/**
 * Every form that creates a record goes through here: POST → 303 → the record, and a one-time
 * token (`_once`) so a reload, Back + submit again or a double click creates nothing new and
 * leads to the record the first submission created.
 */
import type { Context } from 'hono';
import type { Db } from '../../db/database.ts';
import { findSubmission, submitOnce } from '../../db/formSubmissions.ts';
import type { AppEnv } from '../env.ts';
import type { FormState } from '../form.ts';
import { onceField, onceTokenOf, receiptOwner } from './onceToken.tsx';

export const STALE_FORM_MESSAGE = '表单已失效，请核对后再次提交。已填写的内容均已保留。';

/** What a submitted form's token says: unusable, already used, or new (then `create` once). */
export type OneTimeSubmission =
  | { state: 'stale' }
  | { state: 'submitted'; token: string; recordId: number }
  | {
      state: 'new';
      token: string;
      /** Runs `make` in the transaction that claims the token; returns the record's id. */
      create(make: (tx: Db) => Promise<number>): Promise<number>;
    };

/**
 * Reads the token of a submitted `form` (a name such as 'case-intake') for `agencyId`. A token
 * used by another form, agency or browser is stale, never a way to someone else's record.
 */
export async function oneTimeSubmission(
  c: Context<AppEnv>,
  raw: Record<string, string>,
  form: string,
  agencyId: number,
): Promise<OneTimeSubmission> {
  const token = onceTokenOf(raw);
  if (!token) return { state: 'stale' };
  const db = c.get('database').db;
  const owner = receiptOwner(c);
  const earlier = await findSubmission(db, token);
  if (earlier) {
    const same = earlier.form === form && earlier.agencyId === agencyId && earlier.owner === owner;
    return same ? { state: 'submitted', token, recordId: earlier.recordId } : { state: 'stale' };
  }
  return {
    state: 'new',
    token,
    create: async (make) => (await submitOnce(db, { token, form, agencyId, owner }, make)).recordId,
  };
}

/** The form shown again for a stale token: as typed, without the token, with the message. */
export function staleForm(raw: Record<string, string>): FormState {
  return { raw: { ...raw, [onceField]: '' }, errors: {}, message: STALE_FORM_MESSAGE };
}

/** The record page a resubmitted staff form leads to: it says nothing new was created. */
export function againHref(href: string) {
  return `${href}${href.includes('?') ? '&' : '?'}submitted=again`;
}

/** The case page after a registration: it shows the query code to hand to the applicant. */
export const registeredHref = (href: string) => `${href}?submitted=new`;

/** Which notice the record page shows, from its `submitted` query parameter. */
export function submittedState(c: Context<AppEnv>): 'new' | 'again' | undefined {
  const value = c.req.query('submitted');
  return value === 'new' || value === 'again' ? value : undefined;
}
