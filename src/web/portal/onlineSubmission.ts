/**
 * What the public forms that create a record (an application, a petition) share: a one-time
 * token, so a reload or a double click creates nothing new; a limit per client address that only
 * a new record counts against; POST → 303 → a receipt page that only the submitting browser opens.
 */
import type { Context } from 'hono';
import type { Agency } from '../../db/agencies.ts';
import type { Db } from '../../db/database.ts';
import { findSubmission } from '../../db/formSubmissions.ts';
import { hitRateLimit, type RateLimit } from '../../db/rateLimit.ts';
import type { AppEnv } from '../env.ts';
import type { FormState } from '../form.ts';
import { receiptOwner } from '../security/onceToken.tsx';
import { oneTimeSubmission, staleForm } from '../security/oneTimeForm.ts';

type C = Context<AppEnv>;

/** The portal section of the form, also the first part of its rate-limit key. */
type OnlineForm = 'apply' | 'petition';

const TOO_FREQUENT_MESSAGE = '提交过于频繁，请稍后再试。已填写的内容均已保留。';

/** Creates the record of a valid form once, then leads to its receipt; `again` shows the form. */
export async function submitOnline(
  c: C,
  agency: Agency,
  spec: {
    form: OnlineForm;
    raw: Record<string, string>;
    limit: RateLimit;
    again: (state: FormState, status: 400 | 429) => Response | Promise<Response>;
    create: (tx: Db) => Promise<number>;
  },
): Promise<Response> {
  const once = await oneTimeSubmission(c, spec.raw, spec.form, agency.id);
  if (once.state === 'stale') return spec.again(staleForm(spec.raw), 400);
  const receipt = `/a/${agency.code}/${spec.form}/receipt/${once.token}`;
  if (once.state === 'submitted') return c.redirect(receipt, 303);
  const key = `${spec.form}:ip:${c.get('clientIp')}`;
  const limit = await hitRateLimit(c.get('database').db, key, spec.limit);
  if (!limit.allowed)
    return spec.again({ raw: spec.raw, errors: {}, message: TOO_FREQUENT_MESSAGE }, 429);
  await once.create(spec.create);
  return c.redirect(receipt, 303);
}

/** The id of the record the receipt token in the path made, if this browser made it here. */
export async function receiptRecordId(
  c: C,
  agency: Agency,
  form: OnlineForm,
): Promise<number | undefined> {
  const submission = await findSubmission(c.get('database').db, c.req.param('token') ?? '', form);
  if (!submission || submission.agencyId !== agency.id || submission.owner !== receiptOwner(c))
    return undefined;
  return submission.recordId;
}
