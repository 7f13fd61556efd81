/** What every portal page of one agency shares: the agency from `:agency` and the page frame. */
import type { Context, MiddlewareHandler } from 'hono';
import type { Child } from 'hono/jsx';
import { type Agency, findAgencyByCode } from '../../db/agencies.ts';
import type { AppEnv } from '../env.ts';
import { type Crumb, Layout } from '../views/layout.tsx';

type C = Context<AppEnv>;

/** Puts the agency `:agency` names in `agency` for a section's routes; an unknown code is 404. */
export const withPortalAgency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const agency = await findAgencyByCode(c.get('database').db, c.req.param('agency') ?? '');
  if (!agency) return c.notFound();
  c.set('agency', agency);
  await next();
};

/** A page under the agency, breadcrumb 首页 › agency › `section` › `title`. */
export function agencyPage(
  c: C,
  agency: Agency,
  section: Crumb,
  title: string,
  body: Child,
  status = 200,
) {
  const breadcrumb: Crumb[] = [
    { label: '首页', href: '/' },
    { label: agency.name, href: `/a/${agency.code}` },
    section,
    { label: title },
  ];
  return c.html(
    <Layout title={title} agency={agency} breadcrumb={breadcrumb}>
      {body}
    </Layout>,
    status as 200,
  );
}

/** The page of one section of the agency's portal, e.g. 网上信访 at /a/:agency/petition. */
export function sectionPage(label: string, path: string) {
  return (c: C, agency: Agency, title: string, body: Child, status = 200) =>
    agencyPage(c, agency, { label, href: `/a/${agency.code}/${path}` }, title, body, status);
}
