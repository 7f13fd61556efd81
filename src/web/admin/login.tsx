import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { z } from 'zod';
import { audit } from '../../db/audit.ts';
import { checkPassword } from '../../db/passwords.ts';
import { createSession, deleteSession } from '../../db/sessions.ts';
import { clearAttempts, giveBack, loginKeys, takeAttempts } from '../../db/throttle.ts';
import { findUserByUsername } from '../../db/users.ts';
import type { AppEnv } from '../env.ts';
import { parseForm } from '../form.ts';
import { rotateCsrf } from '../security/csrf.ts';
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

/**
 * Takes a throttling attempt for (user name, address) and for the address before checking the
 * password; unknown and known names do the same work and get the same answer.
 */
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
  const ip = c.get('clientIp');
  const [ipKey, userIpKey] = loginKeys(username, ip);
  const attempt = await takeAttempts(db, [ipKey, userIpKey]);
  if (!attempt.allowed) {
    await audit(db, { action: 'login.throttled', target: username, ip });
    const minutes = Math.max(1, Math.ceil((attempt.until.getTime() - Date.now()) / 60000));
    return show(`登录失败次数过多，请 ${minutes} 分钟后再试。`, 429);
  }

  const user = await findUserByUsername(db, username);
  const valid = (await checkPassword(user?.passwordHash, password)) && !user?.disabled;
  if (!user || !valid) {
    await audit(db, { action: 'login.failed', target: username, ip });
    return show('用户名或密码错误。', 401);
  }

  await giveBack(db, ipKey);
  await clearAttempts(db, userIpKey);
  // A new session id and a new CSRF token: nothing issued before the login stays valid after it.
  const previous = getCookie(c, sessionCookie);
  if (previous) await deleteSession(db, previous);
  rotateCsrf(c);
  setSessionCookie(c, await createSession(db, user.id));
  await audit(db, { userId: user.id, action: 'login', target: username, ip });
  return c.redirect(safeNext(form.data.next), 303);
});

loginRoutes.post('/admin/logout', async (c) => {
  const token = getCookie(c, sessionCookie);
  const { db } = c.get('database');
  if (token) await deleteSession(db, token);
  deleteCookie(c, sessionCookie, { path: '/' });
  rotateCsrf(c);
  const user = c.get('user');
  if (user) await audit(db, { userId: user.userId, action: 'logout', ip: c.get('clientIp') });
  return c.redirect('/admin/login', 303);
});
