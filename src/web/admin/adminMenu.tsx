/** The back-office menu: the areas of the agency in the request that the user's roles may open. */
import type { Context } from 'hono';
import { todayInChina } from '../../law/date.ts';
import type { Role } from '../../law/roles.ts';
import type { AppEnv } from '../env.ts';
import {
  CASE_VIEW_ROLES,
  CATALOG_VIEW_ROLES,
  COUNTY_VIEW_ROLES,
  REGISTER_VIEW_ROLES,
  SEARCH_ROLES,
} from './areaRoles.ts';

interface MenuItem {
  label: string;
  path: string;
  /** Roles that may open the area; undefined: every role in the agency. */
  roles?: readonly Role[];
  governmentOnly?: boolean;
}

const items: MenuItem[] = [
  { label: '工作台', path: '' },
  { label: '依申请公开', path: '/cases', roles: CASE_VIEW_ROLES },
  { label: '主动公开', path: '/catalog', roles: CATALOG_VIEW_ROLES },
  { label: '登记簿', path: '/registers', roles: REGISTER_VIEW_ROLES },
  { label: '信访', path: '/petitions' },
  { label: '年度报告', path: '/reports' },
  {
    label: '各单位汇总',
    path: '/county',
    roles: COUNTY_VIEW_ROLES,
    governmentOnly: true,
  },
  { label: '单位设置', path: '/settings', roles: ['admin'] },
];

export function AdminMenu({ c }: { c: Context<AppEnv> }) {
  const agency = c.get('agency');
  const roles = c.get('roles') ?? [];
  if (!agency || roles.length === 0) return null;
  const here = new URL(c.req.url).pathname;
  const base = `/admin/${agency.code}`;
  // The county page opens on the last completed year.
  const href = (i: MenuItem) =>
    i.path === '/county'
      ? `${base}/county/${Number(todayInChina().slice(0, 4)) - 1}`
      : base + i.path;
  const shown = items.filter(
    (i) =>
      (!i.roles || i.roles.some((r) => roles.includes(r))) &&
      (!i.governmentOnly || agency.kind === 'government'),
  );
  const current = shown
    .filter((i) => here === base + i.path || (i.path && here.startsWith(`${base}${i.path}/`)))
    .at(-1);
  return (
    <nav class="admin-menu" aria-label="后台菜单">
      <ul>
        {shown.map((i) => (
          <li>
            <a href={href(i)} aria-current={i === current ? 'page' : undefined}>
              {i.label}
            </a>
          </li>
        ))}
        {SEARCH_ROLES.some((r) => roles.includes(r)) ? (
          <li class="menu-search">
            <form method="get" action={`${base}/search`}>
              <input
                type="search"
                name="q"
                aria-label="搜索申请和主动公开"
                placeholder="搜索申请、信息"
              />
              <button type="submit">搜索</button>
            </form>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
