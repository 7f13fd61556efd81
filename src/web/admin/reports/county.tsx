/**
 * /admin/:agency/county/:year — for a government (the county office, role supervisor): the status
 * of every member agency's report, the roll-up (R16) with a per-agency breakdown of any cell,
 * charts, and the local deadline for the members' reports.
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { isMonthDay } from '../../../annual/deadline.ts';
import { type Agency, listMemberAgencies } from '../../../db/agencies.ts';
import { deadlineSettings, saveDeadlineSetting } from '../../../db/annual.ts';
import { audit } from '../../../db/audit.ts';
import type { Db } from '../../../db/database.ts';
import { todayInChina } from '../../../law/date.ts';
import { formatOf } from '../../../report/formats/index.ts';
import { cellLabel } from '../../../report/formats/labels.ts';
import type { CellKey } from '../../../report/keys.ts';
import type { AnnualReport } from '../../../report/model.ts';
import { tableLayouts } from '../../../report/render/layout.ts';
import { cellText } from '../../../report/render/value.ts';
import { cellBreakdown, countyReports } from '../../../services/annual/rollup.ts';
import { memberStatuses, standingLabel } from '../../../services/annual/status.ts';
import type { AppEnv } from '../../env.ts';
import { parseForm } from '../../form.ts';
import { progressPage, type Step } from '../../progressPage.tsx';
import { requireRole } from '../../security/guard.ts';
import { CsrfField } from '../../views/csrfField.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { COUNTY_VIEW_ROLES } from '../areaRoles.ts';
import { ChartFigure } from './chartFigure.tsx';
import { barChart, outcomeChart } from './charts.ts';
import { countyChartFacts, countyCharts } from './countyCharts.ts';
import { reportsFrame, reportsPage, yearParam } from './page.tsx';
import { FindingsPanel, flaggedCells, ReportTable } from './reportTable.tsx';

export const countyRoutes = new Hono<AppEnv>();

const viewers = requireRole(...COUNTY_VIEW_ROLES);

/** Everything the county page shows for a year (the benchmark measures this too). */
export async function countyPageFigures(
  db: Db,
  government: Agency,
  year: number,
  today: string,
  step: Step = () => {},
) {
  // This year's reports are built once and shared by the statuses and the roll-up.
  step('正在汇总本机关及所属各单位的年度报告……');
  const members = await listMemberAgencies(db, government.id);
  const ids = [government.id, ...members.map((m) => m.id)];
  // The chart queries need no report: on PostgreSQL they run beside the build (PGlite queues them).
  const [{ rollup, composed }, chartFacts, settings] = await Promise.all([
    countyReports(db, government, year),
    countyChartFacts(db, ids, year),
    deadlineSettings(db, [government.id]),
  ]);
  step(`正在核对${composed.length}个单位的报告状态……`);
  const statuses = await memberStatuses(db, government, year, today, composed);
  step('正在生成图表……');
  const charts = await countyCharts(db, year, rollup, chartFacts);
  return { statuses, rollup, charts, settings };
}

/**
 * The county page streams (web/progressPage.tsx): its heading and a progress line per step at
 * once, the figures when the roll-up of every member's report is done.
 */
countyRoutes.get('/:year{[0-9]{4}}', viewers, async (c) => {
  const year = yearParam(c);
  const government = c.get('agency');
  if (year === null || government.kind !== 'government') return c.notFound();
  const today = todayInChina();
  const db = c.get('database').db;
  const heading = (
    <>
      <h1>
        {government.name} · {year}年度政府信息公开工作年度报告
      </h1>
      <p>
        <a href={`/admin/${government.code}/county/${year - 1}`}>← {year - 1}年度</a>{' '}
        {year < Number(today.slice(0, 4)) ? (
          <a href={`/admin/${government.code}/county/${year + 1}`}>{year + 1}年度 →</a>
        ) : null}
      </p>
    </>
  );
  return progressPage(
    c,
    (slot) =>
      reportsFrame(
        c,
        `${year}年度各单位年报情况`,
        <>
          {heading}
          {slot}
        </>,
      ),
    async (step) => countyBody(c, year, await countyPageFigures(db, government, year, today, step)),
  );
});

function countyBody(
  c: Context<AppEnv>,
  year: number,
  { statuses, rollup, charts, settings }: Awaited<ReturnType<typeof countyPageFigures>>,
) {
  const government = c.get('agency');
  const key = c.req.query('cell');
  const validKey =
    key && (formatOf('2021').cellKeys as readonly string[]).includes(key) ? key : null;
  const base = `/admin/${government.code}/county/${year}`;
  const link = (k: string) => `${base}?cell=${k}#breakdown`;
  const layouts = tableLayouts(formatOf('2021'));
  const flags = flaggedCells(rollup.findings);
  const membersDue = settings.find((s) => s.scope === 'members')?.monthDay ?? '';
  const lateCount = statuses.filter((s) => s.standing.state === 'late').length;
  return (
    <>
      <section class="panel" id="status">
        <h2>
          各单位状态（共{statuses.length}个编制主体，逾期未发布{lateCount}个）
        </h2>
        <table class="data status-table">
          <TableHead columns={['单位', '状态', '发布期限', '发布日期', '错误', '警告', '待更正']} />
          <tbody>
            {statuses.map((s) => (
              <tr class={`state-${s.standing.state}`} data-agency={s.agency.code}>
                <td>
                  <a href={`/admin/${s.agency.code}/reports/${year}`}>{s.agency.name}</a>
                </td>
                <td>{standingLabel(s)}</td>
                <td>{s.due}</td>
                <td>{s.publishedOn ?? '—'}</td>
                <td class={s.errors > 0 ? 'late' : undefined}>{s.errors}</td>
                <td>{s.warnings}</td>
                <td>{s.amendments > 0 ? `${s.amendments}格` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="panel charts">
        <h2>图表</h2>
        <ChartFigure
          id="chart-outcomes"
          chart={charts.outcomes}
          svg={outcomeChart('chart-outcomes', charts.outcomes)}
        />
        <ChartFigure
          id="chart-categories"
          chart={charts.categories}
          svg={barChart('chart-categories', charts.categories)}
        />
        <ChartFigure
          id="chart-agencies"
          chart={charts.agencies}
          svg={barChart('chart-agencies', charts.agencies)}
        />
      </section>
      <section class="panel" id="rollup">
        <h2>汇总（本机关及所属{statuses.length - 1}个单位，R16）</h2>
        <FindingsPanel findings={rollup.findings} />
        <p class="muted">点击任一数字，查看各单位的构成。</p>
        <h3>二、主动公开政府信息情况</h3>
        <ReportTable report={rollup.aggregate} layout={layouts.t2} link={link} flags={flags} />
        <h3>三、收到和处理政府信息公开申请情况</h3>
        <ReportTable report={rollup.aggregate} layout={layouts.t3} link={link} flags={flags} />
        <h3>四、政府信息公开行政复议、行政诉讼情况</h3>
        <ReportTable report={rollup.aggregate} layout={layouts.t4} link={link} flags={flags} />
      </section>
      {validKey ? (
        <section class="panel" id="breakdown">
          <h2>{cellLabel(validKey as CellKey)}的构成</h2>
          <table class="data breakdown">
            <TableHead columns={['单位', '数值']} />
            <tbody>
              {cellBreakdown(rollup.parts, validKey).map((p) => (
                <tr>
                  <td>
                    <a href={`/admin/${p.agency.code}/reports/${year}/cell/${validKey}`}>
                      {p.agency.name}
                    </a>
                  </td>
                  <td>{cellText(p.value)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">汇总</th>
                <td>{cellText(rollup.aggregate.cells[validKey as keyof AnnualReport['cells']])}</td>
              </tr>
            </tbody>
          </table>
        </section>
      ) : null}
      <section class="panel" id="deadline">
        <h2>所属单位年报发布期限</h2>
        <p>
          法定期限为次年1月31日（部门）；可设定更早的本地期限（月-日，如 01-25），留空则用法定期限。
          {membersDue ? `当前：${membersDue}` : '当前：法定期限'}
        </p>
        {c.get('roles').some((r) => r === 'office' || r === 'admin' || r === 'supervisor') ? (
          <form
            method="post"
            action={`/admin/${government.code}/county/deadline`}
            class="form inline"
          >
            <CsrfField token={c.get('csrfToken')} />
            <input type="hidden" name="year" value={String(year)} />
            <label for="members-due">本地期限（月-日）</label>{' '}
            <input
              id="members-due"
              name="monthDay"
              value={membersDue}
              pattern="\d{2}-\d{2}"
              placeholder="01-25"
              maxlength={5}
            />
            <button type="submit">保存</button>
          </form>
        ) : null}
      </section>
    </>
  );
}

const deadlineSchema = z.object({
  year: z.string().regex(/^\d{4}$/),
  monthDay: z
    .string()
    .trim()
    .refine((v) => v === '' || isMonthDay(v), '请按“月-日”填写，如 01-25'),
});

countyRoutes.post('/deadline', requireRole('office', 'admin', 'supervisor'), async (c) => {
  const government = c.get('agency');
  if (government.kind !== 'government') return c.notFound();
  const form = await parseForm(c, deadlineSchema);
  if (!form.ok) {
    const errors = <p class="alert">{Object.values(form.errors).join('；')}</p>;
    return reportsPage(c, '发布期限', errors, [], 400);
  }
  const db = c.get('database').db;
  const userId = c.get('user')?.userId ?? null;
  await saveDeadlineSetting(db, government.id, 'members', form.data.monthDay || null, userId);
  await audit(db, {
    userId,
    agencyId: government.id,
    action: 'annual.deadline',
    target: `agency:${government.code}`,
    details: { scope: 'members', monthDay: form.data.monthDay || null },
    ip: c.get('clientIp'),
  });
  return c.redirect(`/admin/${government.code}/county/${form.data.year}#deadline`, 303);
});
