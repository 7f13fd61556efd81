/**
 * The published (locked) annual reports on the portal: /a/:agency/annual lists them,
 * /a/:agency/annual/:year shows one in the official layout with its amendments, and
 * /a/:agency/annual/:year/file.:format downloads the files rendered at publication.
 */
import { Hono } from 'hono';
import { raw } from 'hono/html';
import { findAgencyByCode } from '../../db/agencies.ts';
import {
  findAnnualReportRow,
  getVersion,
  listAmendments,
  listAnnualReportRows,
  versionReport,
} from '../../db/annual.ts';
import { pooledRenderer } from '../../jobs/reportRender.ts';
import { renderHtmlFragment } from '../../report/render/html.ts';
import { versionFile } from '../../services/annual/workflow.ts';
import type { AppEnv } from '../env.ts';
import { Layout } from '../views/layout.tsx';
import { beijingDate } from '../views/time.ts';

export const annualPortalRoutes = new Hono<AppEnv>();

const types = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const;

annualPortalRoutes.get('/a/:agency/annual', async (c) => {
  const db = c.get('database').db;
  const agency = await findAgencyByCode(db, c.req.param('agency'));
  if (!agency) return c.notFound();
  const rows = (await listAnnualReportRows(db, [agency.id])).filter(
    (r) => r.status === 'published',
  );
  return c.html(
    <Layout
      title="政府信息公开工作年度报告"
      agency={agency}
      breadcrumb={[
        { label: '首页', href: '/' },
        { label: agency.name, href: `/a/${agency.code}` },
        { label: '年度报告' },
      ]}
    >
      <h1>政府信息公开工作年度报告</h1>
      {rows.length === 0 ? <p>暂无已发布的年度报告。</p> : null}
      <ul class="item-list">
        {rows.map((r) => (
          <li>
            <a href={`/a/${agency.code}/annual/${r.year}`}>
              {agency.name}
              {r.year}年政府信息公开工作年度报告
            </a>{' '}
            <time>{r.publishedOn}</time>
          </li>
        ))}
      </ul>
    </Layout>,
  );
});

annualPortalRoutes.get('/a/:agency/annual/:year{[0-9]{4}}', async (c) => {
  const db = c.get('database').db;
  const agency = await findAgencyByCode(db, c.req.param('agency'));
  if (!agency) return c.notFound();
  const year = Number(c.req.param('year'));
  const row = await findAnnualReportRow(db, agency.id, year);
  if (row?.status !== 'published' || !row.publishedVersionId) return c.notFound();
  const report = versionReport((await getVersion(db, row.publishedVersionId))!);
  const amendments = await listAmendments(db, row.id);
  const base = `/a/${agency.code}/annual/${year}`;
  return c.html(
    <Layout
      title={`${year}年政府信息公开工作年度报告`}
      agency={agency}
      breadcrumb={[
        { label: '首页', href: '/' },
        { label: agency.name, href: `/a/${agency.code}` },
        { label: '年度报告', href: `/a/${agency.code}/annual` },
        { label: `${year}年度` },
      ]}
    >
      <p class="muted">
        发布日期：{row.publishedOn}　下载：
        {(Object.keys(types) as (keyof typeof types)[]).map((f) => (
          <>
            <a href={`${base}/file.${f}`}>{f.toUpperCase()}</a>{' '}
          </>
        ))}
      </p>
      {amendments.length > 0 ? (
        <section class="notice">
          <h2>更正说明</h2>
          <ul>
            {amendments.map((a) => (
              <li>
                {beijingDate(a.at)}：{a.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {raw(renderHtmlFragment(report))}
    </Layout>,
  );
});

annualPortalRoutes.get('/a/:agency/annual/:year{[0-9]{4}}/:file{file\\.[a-z]+}', async (c) => {
  const db = c.get('database').db;
  const agency = await findAgencyByCode(db, c.req.param('agency'));
  const format = c.req.param('file').slice(5) as keyof typeof types;
  if (!agency || !(format in types)) return c.notFound();
  const year = Number(c.req.param('year'));
  const row = await findAnnualReportRow(db, agency.id, year);
  if (row?.status !== 'published' || !row.publishedVersionId) return c.notFound();
  const data = await versionFile(db, row.publishedVersionId, format, pooledRenderer(c.get('jobs')));
  const filename = `${agency.name}${year}年政府信息公开工作年度报告.${format}`;
  return c.body(new Uint8Array(data), 200, {
    'content-type': types[format],
    'content-disposition': `attachment; filename="report.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  });
});
