/** The frame every back-office page shares: layout, breadcrumb from 后台, account box. */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Agency } from '../../db/agencies.ts';
import type { AppEnv } from '../env.ts';
import { type Crumb, Layout } from '../views/layout.tsx';
import { accountBox } from './accountBox.tsx';

/** 后台 › agency › `area` › `rest`. */
export function areaCrumbs(agency: Agency, area: Crumb, ...rest: Crumb[]): Crumb[] {
  return [
    { label: '后台', href: '/admin' },
    { label: agency.name, href: `/admin/${agency.code}` },
    area,
    ...rest,
  ];
}

/** A page of the agency in the request, with the signed-in user's account box. */
export function adminPage(
  c: Context<AppEnv>,
  title: string,
  breadcrumb: Crumb[],
  body: Child,
  status = 200,
) {
  return c.html(adminFrame(c, title, breadcrumb, body), status as 200);
}

/** The same page as JSX (a streamed page, web/progressPage.tsx, fills it as it goes). */
export function adminFrame(c: Context<AppEnv>, title: string, breadcrumb: Crumb[], body: Child) {
  return (
    <Layout title={title} agency={c.get('agency')} breadcrumb={breadcrumb} account={accountBox(c)}>
      {body}
    </Layout>
  );
}
