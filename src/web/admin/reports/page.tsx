/** The page frame of the annual-report area and shared helpers. */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Role } from '../../../db/schema.ts';
import { todayInChina } from '../../../law/date.ts';
import type { AppEnv } from '../../env.ts';
import { Layout } from '../../views/layout.tsx';
import { accountBox } from '../accountBox.tsx';

export type C = Context<AppEnv>;

export const reportsBase = (c: C) => `/admin/${c.get('agency').code}/reports`;

export function reportsPage(
  c: C,
  title: string,
  body: Child,
  crumbs: { label: string; href?: string }[] = [],
  status: 200 | 400 | 404 = 200,
) {
  const agency = c.get('agency');
  return c.html(
    <Layout
      title={title}
      agency={agency}
      breadcrumb={[
        { label: '后台', href: '/admin' },
        { label: agency.name, href: `/admin/${agency.code}` },
        { label: '年度报告', href: reportsBase(c) },
        ...crumbs,
        { label: title },
      ]}
      account={accountBox(c)}
    >
      {body}
    </Layout>,
    status,
  );
}

export const hasRole = (c: C, ...roles: Role[]) => c.get('roles').some((r) => roles.includes(r));

/** A report year from the path: 2008 (the first 条例) up to last year. */
export function yearParam(c: C): number | null {
  const raw = c.req.param('year') ?? '';
  if (!/^\d{4}$/.test(raw)) return null;
  const year = Number(raw);
  return year >= 2008 && year <= Number(todayInChina().slice(0, 4)) ? year : null;
}

export const actorOf = (c: C) => ({
  userId: c.get('user')?.userId ?? null,
  roles: c.get('roles'),
  ip: c.get('clientIp'),
});
