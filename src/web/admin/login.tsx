import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { z } from 'zod';
import { audit } from '../../db/audit.ts';
import { verifyPassword } from '../../db/passwords.ts';
import { createSession, deleteSession } from '../../db/sessions.ts';
import { clearFailures, lockedUntil, recordFailure } from '../../db/throttle.ts';
import { findUserByUsername } from '../../db/users.ts';
import type { AppEnv } from '../env.ts';
import { parseForm } from '../form.ts';
import { sessionCookie, setSessionCookie } from '../security/session.ts';
import { LoginPage } from './loginPage.tsx';

export const loginRoutes = new Hono<AppEnv>();

const loginForm = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请输入密码').max(256, '密码过长'),
  next: z.string().max(300).optional(),
});

/** Only same-site paths may be redirected to after login. */
const safeNext = (next?: string) =>
  next && /^\/admin(\/[A-Za-z0-9_\-/]*)?$/.test(next) ? next : '/admin';

loginRoutes.get('/admin/login', (c) =>
  c.html(<LoginPage csrfToken={c.get('csrfToken')} next={c.req.query('next')} />),
);

loginRoutes.post('/admin/login', async (c) => {
  const form = await parseForm(c, loginForm);
  const show = (error: string, status: 400 | 401 | 429) =>
    c.html(
      <LoginPage
        csrfToken={c.get('csrfToken')}
        next={form.raw.next}
        username={form.raw.username}
        error={error}
      />,
      status,
    );
  if (!form.ok) return show(Object.values(form.errors)[0], 400);

  const { db } = c.get('database');
  const { username, password } = form.data;
  const keys = [`user:${username}`, `ip:${c.get('clientIp')}`];
  for (const key of keys) {
    const until = await lockedUntil(db, key);
    if (until) {
      await audit(db, { action: 'login.throttled', target: username, ip: c.get('clientIp') });
      const minutes = Math.ceil((until.getTime() - Date.now()) / 60000);
      return show(`登录失败次数过多，请 ${minutes} 分钟后再试。`, 429);
    }
  }

  const user = await findUserByUsername(db, username);
  const valid = user && !user.disabled && (await verifyPassword(user.passwordHash, password));
  if (!user || !valid) {
    for (const key of keys) await recordFailure(db, key);
    await audit(db, { action: 'login.failed', target: username, ip: c.get('clientIp') });
    return show('用户名或密码错误。', 401);
  }

  for (const key of keys) await clearFailures(db, key);
  setSessionCookie(c, await createSession(db, user.id));
  await audit(db, { userId: user.id, action: 'login', target: username, ip: c.get('clientIp') });
  return c.redirect(safeNext(form.data.next), 303);
});

loginRoutes.post('/admin/logout', async (c) => {
  const token = getCookie(c, sessionCookie);
  const { db } = c.get('database');
  if (token) await deleteSession(db, token);
  deleteCookie(c, sessionCookie, { path: '/' });
  const user = c.get('user');
  if (user) await audit(db, { userId: user.userId, action: 'logout', ip: c.get('clientIp') });
  return c.redirect('/admin/login', 303);
});
