import type { Context } from 'hono';
import type { Agency } from '../../../db/agencies.ts';
import type { AppEnv } from '../../env.ts';
import { areaCrumbs } from '../adminPage.tsx';

export { HANDLING_ROLES } from '../../../petitions/eventTable.ts';
/** Roles that may enter aggregate totals. */
export const AGGREGATE_ROLES = ['office'] as const;

export function holds(c: Context<AppEnv>, allowed: readonly string[]): boolean {
  return (c.get('roles') ?? []).some((r) => allowed.includes(r));
}

export const base = (agency: Agency) => `/admin/${agency.code}/petitions`;

export function crumbs(agency: Agency, ...rest: { label: string; href?: string }[]) {
  return areaCrumbs(agency, { label: '信访登记', href: base(agency) }, ...rest);
}
