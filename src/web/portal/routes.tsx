import { Hono } from 'hono';
import { findAgencyByCode, listAgencies } from '../../db/agencies.ts';
import { latestPublished } from '../../db/catalogPortal.ts';
import type { AppEnv } from '../env.ts';
import { Layout } from '../views/layout.tsx';
import { ItemList, SearchBox } from './catalog/views.tsx';
import { agencyColumns } from './columns.ts';

/** The public portal: the list of agencies and each agency's 政府信息公开 column. */
export const portalRoutes = new Hono<AppEnv>();

portalRoutes.get('/', async (c) => {
  const all = await listAgencies(c.get('database').db);
  const governments = all.filter((a) => a.parentId === null);
  return c.html(
    <Layout title="政府信息公开平台">
      <h1>政府信息公开</h1>
      {governments.length === 0 ? <p>尚未设置任何单位。</p> : null}
      {governments.map((gov) => (
        <section class="agency-group">
          <h2>
            <a href={`/a/${gov.code}`}>{gov.name}</a>
          </h2>
          <ul class="agency-list">
            {all
              .filter((a) => a.parentId === gov.id)
              .map((a) => (
                <li>
                  <a href={`/a/${a.code}`}>{a.name}</a>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Layout>,
  );
});

portalRoutes.get('/a/:agency', async (c) => {
  const agency = await findAgencyByCode(c.get('database').db, c.req.param('agency'));
  if (!agency) return c.notFound();
  const latest = await latestPublished(c.get('database').db, agency.id, 8);
  return c.html(
    <Layout
      title={agency.name}
      agency={agency}
      breadcrumb={[{ label: '首页', href: '/' }, { label: agency.name }]}
    >
      <h1>{agency.name}政府信息公开</h1>
      <SearchBox agency={agency} />
      <div class="columns">
        {agencyColumns.map((column) => (
          <section class="column" id={column.key}>
            <h2>
              <a href={`/a/${agency.code}/${column.path}`}>{column.title}</a>
            </h2>
            <p class="muted">{column.description}</p>
          </section>
        ))}
      </div>
      <section aria-labelledby="latest">
        <h2 id="latest">最新公开</h2>
        {latest.length === 0 ? (
          <p class="muted">暂无数据。</p>
        ) : (
          <ItemList agency={agency} rows={latest} />
        )}
        <p>
          <a href={`/a/${agency.code}/feed.xml`}>订阅（Atom）</a>
        </p>
      </section>
    </Layout>,
  );
});
