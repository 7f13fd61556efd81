import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env.ts';
import { errorPage } from '../views/errorPage.tsx';

export const csrfCookie = 'gk_csrf';
export const csrfField = '_csrf';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Signed double-submit: a random id in an httpOnly cookie, and in every form the HMAC of that id
 * under the deployment secret. A state-changing request without the matching token gets 403.
 */
export const csrfProtection = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const id = getCookie(c, csrfCookie);
  const expected =
    id && /^[A-Za-z0-9_-]{20,64}$/.test(id) ? csrfToken(c.get('secret'), id) : rotateCsrf(c);
  c.set('csrfToken', expected);
  if (unsafeMethods.has(c.req.method) && !(await presentedMatches(c, expected))) {
    return c.html(
      errorPage({ title: '请求已失效', message: '表单校验失败（CSRF），请刷新页面后重新提交。' }),
      403,
    );
  }
  await next();
};

/**
 * Gives the browser a new CSRF id (and the pages a new token): on first visit, and at login and
 * logout so that a token seen before either no longer works after it.
 */
export function rotateCsrf(c: Context<AppEnv>): string {
  const id = randomBytes(24).toString('base64url');
  setCookie(c, csrfCookie, id, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('secure'),
    path: '/',
  });
  const token = csrfToken(c.get('secret'), id);
  c.set('csrfToken', token);
  return token;
}

export const csrfToken = (secret: string, id: string): string =>
  createHmac('sha256', secret).update(`csrf:${id}`).digest('base64url');

async function presentedMatches(c: Parameters<MiddlewareHandler<AppEnv>>[0], expected: string) {
  const presented = c.req.header('x-csrf-token') ?? (await formToken(c));
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function formToken(c: Parameters<MiddlewareHandler<AppEnv>>[0]) {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('form')) return undefined;
  const body = await c.req.parseBody();
  const value = body[csrfField];
  return typeof value === 'string' ? value : undefined;
}
