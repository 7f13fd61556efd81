/** The one-time token a creating form carries (`_once`), and who may see its receipt. */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';

export const onceField = '_once';

/** A fresh token for a form page. */
export const newOnceToken = () => randomBytes(18).toString('base64url');

/** The token a submission carries; a client that sent none gets a fresh one (no protection). */
export function onceTokenOf(raw: Record<string, string>): string | null {
  const token = raw[onceField];
  if (token === undefined || token === '') return newOnceToken();
  return /^[A-Za-z0-9_-]{24}$/.test(token) ? token : null;
}

/** Ties a receipt to the browser that submitted the form (its CSRF cookie). */
export const receiptOwner = (c: Context<AppEnv>) =>
  createHash('sha256').update(c.get('csrfToken')).digest('base64url');

/** The hidden field: the token of this rendering of the form. */
export function OnceField({ token }: { token?: string }) {
  return <input type="hidden" name={onceField} value={token ?? newOnceToken()} />;
}
