/** The page frame of the case area: layout, breadcrumb, account box. */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../env.ts';
import { adminPage, areaCrumbs } from '../adminPage.tsx';

type C = Context<AppEnv>;

export function casesPage(
  c: C,
  title: string,
  body: Child,
  crumbs: { label: string; href?: string }[] = [],
  status = 200,
) {
  const area = { label: '依申请公开', href: base(c) };
  const breadcrumb = areaCrumbs(c.get('agency'), area, ...crumbs, { label: title });
  return adminPage(c, title, breadcrumb, body, status);
}

export const base = (c: C) => `/admin/${c.get('agency').code}/cases`;
