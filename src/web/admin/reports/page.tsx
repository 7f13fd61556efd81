/** The page frame of the annual-report area and shared helpers. */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { todayInChina } from '../../../law/date.ts';
import type { Role } from '../../../law/roles.ts';
import type { AppEnv } from '../../env.ts';
import { adminFrame, adminPage, areaCrumbs } from '../adminPage.tsx';

export type C = Context<AppEnv>;

export const reportsBase = (c: C) => `/admin/${c.get('agency').code}/reports`;

export function reportsPage(
  c: C,
  title: string,
  body: Child,
  crumbs: { label: string; href?: string }[] = [],
  status: 200 | 400 | 404 = 200,
) {
  return adminPage(c, title, reportsCrumbs(c, title, crumbs), body, status);
}

/** The same page as JSX, for a streamed page (web/progressPage.tsx). */
export const reportsFrame = (c: C, title: string, body: Child) =>
  adminFrame(c, title, reportsCrumbs(c, title, []), body);

function reportsCrumbs(c: C, title: string, crumbs: { label: string; href?: string }[]) {
  const area = { label: '年度报告', href: reportsBase(c) };
  return areaCrumbs(c.get('agency'), area, ...crumbs, { label: title });
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
