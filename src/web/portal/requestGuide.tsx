/**
 * 依申请公开 landing page (/a/:agency/request): how to apply, the steps and time limits of the
 * 条例, and last year's figures from the agency's latest published annual report.
 */
import { Hono } from 'hono';
import { findAgencyByCode } from '../../db/agencies.ts';
import { getVersion, listAnnualReportRows, versionReport } from '../../db/annual.ts';
import type { CellKey } from '../../report/keys.ts';
import { certainNumber } from '../../report/model.ts';
import type { AppEnv } from '../env.ts';
import { Layout } from '../views/layout.tsx';
import { portalCrumbs } from './catalog/views.tsx';

export const requestGuideRoutes = new Hono<AppEnv>();

/** The figures shown from the report, in the words its narrative uses (law-and-format.md §2.3). */
const figures: [CellKey, string][] = [
  ['t3.new.tot', '新收政府信息公开申请'],
  ['t3.carryIn.tot', '上年结转'],
  ['t3.total.tot', '办结'],
  ['t3.open.tot', '其中予以公开'],
  ['t3.partial.tot', '部分公开'],
  ['t3.carryOut.tot', '结转下年度继续办理'],
];

const steps: [string, string][] = [
  ['提交申请', '通过本网站在线提交，或以信函、当面等书面形式向本机关提出（《条例》第二十九条）。'],
  [
    '收到申请',
    '在线提交的，以提交之日为收到之日；信函以签收之日为收到之日；当面提交的，以提交之日为收到之日（第三十一条）。',
  ],
  [
    '补正（如需）',
    '申请内容不明确的，本机关自收到申请之日起7个工作日内一次性告知补正；补正期限不计入答复期限（第三十条）。',
  ],
  [
    '征求意见（如需）',
    '涉及第三方合法权益或需其他机关意见的，征求意见所需时间不计入答复期限（第三十二条、第三十三条、第三十四条）。',
  ],
  [
    '答复',
    '自收到申请之日起20个工作日内答复；需要延长的，经政府信息公开工作机构负责人同意，可延长不超过20个工作日，并告知申请人（第三十三条）。',
  ],
];

requestGuideRoutes.get('/a/:agency/request', async (c) => {
  const db = c.get('database').db;
  const agency = await findAgencyByCode(db, c.req.param('agency'));
  if (!agency) return c.notFound();
  const latest = (await listAnnualReportRows(db, [agency.id]))
    .filter((r) => r.status === 'published' && r.publishedVersionId)
    .sort((a, b) => b.year - a.year)[0];
  const version = latest?.publishedVersionId
    ? await getVersion(db, latest.publishedVersionId)
    : undefined;
  const report = version ? versionReport(version) : undefined;
  return c.html(
    <Layout
      title="依申请公开"
      agency={agency}
      breadcrumb={portalCrumbs(agency, { label: '依申请公开' })}
    >
      <h1>依申请公开</h1>
      <p>
        {`公民、法人或者其他组织可以向${agency.name}申请获取本机关制作或者保存的政府信息。`}
        {
          '申请不收取费用；申请数量、频次明显超过合理范围的，依照《政府信息公开信息处理费管理办法》收取信息处理费。'
        }
      </p>
      <p class="actions">
        <a class="button" href={`/a/${agency.code}/apply`}>
          在线提交申请
        </a>
        <a href={`/a/${agency.code}/track`}>查询办理进度</a>
        <a href={`/a/${agency.code}/guide`}>政府信息公开指南</a>
      </p>
      <h2>办理流程与时限</h2>
      <ol class="steps">
        {steps.map(([title, text]) => (
          <li>
            <strong>{title}</strong>：{text}
          </li>
        ))}
      </ol>
      <h2>书面申请</h2>
      <p>
        {`地址：${agency.address ?? '见政府信息公开指南'}`}
        {agency.postcode ? `（邮编 ${agency.postcode}）` : ''}
        {`；办公时间：${agency.officeHours ?? '工作日'}；电话：${agency.phone ?? '见政府信息公开指南'}。`}
        {'信函申请请在信封左下角注明“政府信息公开申请”字样。'}
      </p>
      <h2>上一年度办理情况</h2>
      {report && latest ? (
        <table class="meta figures">
          <caption>
            摘自<a href={`/a/${agency.code}/annual/${latest.year}`}>{latest.year}年度报告</a>
            （单位：件）
          </caption>
          <tbody>
            {figures.map(([key, label]) => (
              <tr>
                <th scope="row">{label}</th>
                <td>{certainNumber(report.cells[key]) ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">暂无数据：本单位尚未发布年度报告。</p>
      )}
    </Layout>,
  );
});
