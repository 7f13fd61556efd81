/** The page frame of the case area: layout, breadcrumb, account box. */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../env.ts';
import { Layout } from '../../views/layout.tsx';
import { accountBox } from '../accountBox.tsx';

type C = Context<AppEnv>;

export function casesPage(
  c: C,
  title: string,
  body: Child,
  crumbs: { label: string; href?: string }[] = [],
  status = 200,
) {
  const agency = c.get('agency');
  return c.html(
    <Layout
      title={title}
      agency={agency}
      breadcrumb={[
        { label: '后台', href: '/admin' },
        { label: agency.name, href: `/admin/${agency.code}` },
        { label: '依申请公开', href: base(c) },
        ...crumbs,
        { label: title },
      ]}
      account={accountBox(c)}
    >
      {body}
    </Layout>,
    status as 200,
  );
}

export const base = (c: C) => `/admin/${c.get('agency').code}/cases`;
