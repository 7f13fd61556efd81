import type { MiddlewareHandler } from 'hono';
import { findAgencyByCode } from '../../db/agencies.ts';
import type { Role } from '../../law/roles.ts';
import { accountBox } from '../admin/accountBox.tsx';
import type { AppEnv } from '../env.ts';
import { errorPage } from '../views/errorPage.tsx';

/** Roles that see every member agency of the agency they hold them in (the county office). */
const overseeing: Role[] = ['supervisor', 'auditor'];

/** Every /admin route needs a signed-in user; pages redirect to the login form, the API gets 401. */
export const requireUser = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (c.get('user')) return next();
  if (c.req.header('accept')?.includes('application/json')) {
    return c.json({ error: 'unauthenticated', message: '请先登录。' }, 401);
  }
  const next_ = encodeURIComponent(new URL(c.req.url).pathname);
  return c.redirect(`/admin/login?next=${next_}`);
};

/**
 * /admin/:agency/… : the user must hold a role in that agency, or an overseeing role in its parent.
 * Sets `agency` and the user's effective `roles` there.
 */
export const requireAgency = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const user = c.get('user');
  if (!user) return requireUser()(c, next);
  const agency = await findAgencyByCode(c.get('database').db, c.req.param('agency') ?? '');
  if (!agency) return c.notFound();
  const own = user.memberships.filter((m) => m.agencyId === agency.id).map((m) => m.role);
  const inherited = user.memberships
    .filter((m) => m.agencyId === agency.parentId && overseeing.includes(m.role))
    .map((m) => m.role);
  const roles = [...new Set([...own, ...inherited])];
  if (roles.length === 0) return forbidden(c);
  c.set('agency', agency);
  c.set('roles', roles);
  return next();
};

/** Allows the route only to users holding one of `allowed` in the current agency. */
export const requireRole =
  (...allowed: Role[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const roles = c.get('roles') ?? [];
    if (!roles.some((r) => allowed.includes(r))) return forbidden(c);
    return next();
  };

function forbidden(c: Parameters<MiddlewareHandler<AppEnv>>[0]) {
  const user = c.get('user');
  const own = new Map(user?.memberships.map((m) => [m.agencyCode, m.agencyName]) ?? []);
  return c.html(
    errorPage({
      title: '无权访问',
      message: '您没有访问该单位此页面的权限。',
      account: accountBox(c),
      links: [...own].map(([code, name]) => ({ label: `${name}后台`, href: `/admin/${code}` })),
    }),
    403,
  );
}
