import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { findSessionUser, sessionLifetimeMs } from '../../db/sessions.ts';
import { listMemberships } from '../../db/users.ts';
import type { AppEnv } from '../env.ts';

export const sessionCookie = 'gk_session';

/** Loads the signed-in user (if any) from the session cookie. */
export const loadSession = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  c.set('user', null);
  const token = getCookie(c, sessionCookie);
  if (token) {
    const { db } = c.get('database');
    const found = await findSessionUser(db, token);
    if (found) c.set('user', { ...found, memberships: await listMemberships(db, found.userId) });
    else deleteCookie(c, sessionCookie, { path: '/' });
  }
  await next();
};

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, sessionCookie, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('secure'),
    path: '/',
    maxAge: sessionLifetimeMs / 1000,
  });
}
