import { Hono, type MiddlewareHandler } from 'hono';
import { audit } from '../../db/audit.ts';
import type { AppEnv } from '../env.ts';
import { mountAll } from '../mounts.ts';
import { requireAgency, requireUser } from '../security/guard.ts';
import { Layout } from '../views/layout.tsx';
import { accountBox } from './accountBox.tsx';
import { caseRoutes } from './cases/routes.tsx';
import { registerAdminRoutes } from './catalog/registers.tsx';
import { catalogAdminRoutes } from './catalog/routes.tsx';
import { dashboardRoutes } from './dashboard.tsx';
import { petitionAdminRoutes } from './petitions/routes.tsx';
import { countyRoutes } from './reports/county.tsx';
import { reportRoutes } from './reports/routes.tsx';
import { searchRoutes } from './search/routes.tsx';
import { settingsRoutes } from './settings/routes.tsx';

/** The back office. Login and logout are mounted before this, outside the guards. */
export const adminRoutes = new Hono<AppEnv>();

adminRoutes.use('/admin', requireUser());
adminRoutes.use('/admin/:agency', requireAgency());
adminRoutes.use('/admin/:agency/*', requireAgency());
adminRoutes.use('/admin/:agency/*', auditAdminWrites());

adminRoutes.get('/admin', (c) => {
  const user = c.get('user')!;
  const agencies = new Map(user.memberships.map((m) => [m.agencyCode, m.agencyName]));
  if (agencies.size === 1) return c.redirect(`/admin/${[...agencies.keys()][0]}`);
  return c.html(
    <Layout
      title="后台"
      breadcrumb={[{ label: '首页', href: '/' }, { label: '后台' }]}
      account={accountBox(c)}
    >
      <h1>选择单位</h1>
      {agencies.size === 0 ? <p>您的账号尚未分配到任何单位，请联系管理员。</p> : null}
      <ul class="agency-list">
        {[...agencies].map(([code, name]) => (
          <li>
            <a href={`/admin/${code}`}>{name}</a>
          </li>
        ))}
      </ul>
    </Layout>,
  );
});

// Each capability mounts its back-office routes under /admin/:agency here.
mountAll(adminRoutes, [
  ['/admin/:agency', dashboardRoutes],
  ['/admin/:agency/cases', caseRoutes],
  ['/admin/:agency/petitions', petitionAdminRoutes],
  ['/admin/:agency/catalog', catalogAdminRoutes],
  ['/admin/:agency/registers', registerAdminRoutes],
  ['/admin/:agency/reports', reportRoutes],
  ['/admin/:agency/county', countyRoutes],
  ['/admin/:agency/settings', settingsRoutes],
  ['/admin/:agency/search', searchRoutes],
]);

/** Every state-changing back-office request is recorded, whatever its outcome. */
function auditAdminWrites(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
    await audit(c.get('database').db, {
      userId: c.get('user')?.userId,
      agencyId: c.get('agency')?.id,
      action: `http.${c.req.method.toLowerCase()}`,
      target: new URL(c.req.url).pathname,
      details: { status: c.res.status },
      ip: c.get('clientIp'),
    });
  };
}
