/** What every portal page of one agency shares: the agency from `:agency` and the page frame. */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { type Agency, findAgencyByCode } from '../../db/agencies.ts';
import type { AppEnv } from '../env.ts';
import { type Crumb, Layout } from '../views/layout.tsx';

type C = Context<AppEnv>;

/** The agency the route names, or undefined for an unknown code. */
export function portalAgency(c: C): Promise<Agency | undefined> {
  return findAgencyByCode(c.get('database').db, c.req.param('agency') ?? '');
}

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
