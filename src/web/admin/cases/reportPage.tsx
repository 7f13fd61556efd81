/** T3 and T4 computed from the records, every cell linked to the cases behind it. */
import { type Context, Hono } from 'hono';
import { APPEAL_KIND_LABELS, APPEAL_OUTCOME_LABELS } from '../../../cases/events.ts';
import { parseCellKey, T3_ROWS } from '../../../cases/reportCells.ts';
import { type Agency, listMemberAgencies } from '../../../db/agencies.ts';
import { todayInChina } from '../../../law/date.ts';
import {
  APPLICANT_TYPE_LABELS,
  OUTCOME_GROUP_LABELS,
  OUTCOME_ROW_LABELS,
  type OutcomeRow,
  outcomeGroupOf,
} from '../../../law/keys.ts';
import {
  applicantKeys,
  type T3RowKey,
  t3Key,
  t4GroupKeys,
  t4Key,
  t4OutcomeKeys,
} from '../../../report/keys.ts';
import type { AnnualReport } from '../../../report/model.ts';
import { checkedAnnualReport } from '../../../services/annual/build.ts';
import type { AppEnv } from '../../env.ts';
import { CellCases, casesBehindCell } from '../cellCases.tsx';
import { base, casesPage } from './page.tsx';

export const reportRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

const ROW_LABELS: Record<string, string> = {
  new: '一、本年新收政府信息公开申请数量',
  carryIn: '二、上年结转政府信息公开申请数量',
  total: '（七）总计',
  carryOut: '四、结转下年度继续办理',
};

export function t3RowLabel(row: T3RowKey): string {
  if (ROW_LABELS[row]) return ROW_LABELS[row];
  const r = row as OutcomeRow;
  const group = outcomeGroupOf(r);
  return group === 'open' || group === 'partial'
    ? OUTCOME_ROW_LABELS[r]
    : `${OUTCOME_GROUP_LABELS[group]} ${OUTCOME_ROW_LABELS[r]}`;
}

const COL_LABELS: Record<string, string> = { ...APPLICANT_TYPE_LABELS, tot: '总计' };

function yearOf(c: C): number {
  const y = Number(c.req.query('year'));
  return Number.isInteger(y) && y >= 2008 && y <= 2100 ? y : Number(todayInChina().slice(0, 4));
}

async function agencies(c: C, members: boolean): Promise<Agency[]> {
  const agency = c.get('agency');
  if (!members) return [agency];
  return [agency, ...(await listMemberAgencies(c.get('database').db, agency.id))];
}

reportRoutes.get('/', async (c) => {
  const year = yearOf(c);
  const members = c.req.query('members') === '1';
  const { report, findings } = await checkedAnnualReport(
    c.get('database').db,
    c.get('agency'),
    year,
    {
      includeMembers: members,
    },
  );
  const link = (key: string) =>
    `${base(c)}/report/cell?year=${year}&key=${key}${members ? '&members=1' : ''}`;
  return casesPage(
    c,
    `${year}年表三、表四`,
    <>
      <h1>
        {c.get('agency').name} {year}年 · 依申请公开统计
      </h1>
      <form method="get" action={`${base(c)}/report`} class="inline-form">
        <label for="year">年度</label>{' '}
        <input id="year" name="year" type="number" value={String(year)} />{' '}
        <label>
          <input type="checkbox" name="members" value="1" checked={members} /> 含下属单位
        </label>{' '}
        <button type="submit">查看</button>
      </form>
      <p class="muted">每个数字都由办理记录计算得出，点击可查看对应的申请。</p>
      <T3Table report={report} link={link} />
      <T4Table report={report} link={link} />
      <h2>勾稽检查</h2>
      {findings.filter((f) => f.cells.some((k) => k.startsWith('t3') || k.startsWith('t4')))
        .length === 0 ? (
        <p class="ok">表三、表四的勾稽关系全部成立。</p>
      ) : (
        <ul>
          {findings
            .filter((f) => f.cells.some((k) => k.startsWith('t3') || k.startsWith('t4')))
            .map((f) => (
              <li>
                [{f.rule}] {f.message}
              </li>
            ))}
        </ul>
      )}
    </>,
    [],
  );
});

function T3Table({ report, link }: { report: AnnualReport; link: (k: string) => string }) {
  return (
    <table class="data report t3">
      <caption>三、收到和处理政府信息公开申请情况</caption>
      <thead>
        <tr>
          <th>本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和</th>
          {applicantKeys.map((k) => (
            <th>{COL_LABELS[k]}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {T3_ROWS.map((row) => (
          <tr>
            <th scope="row">{t3RowLabel(row)}</th>
            {applicantKeys.map((col) => {
              return <CellTd report={report} cellKey={t3Key(row, col)} link={link} />;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A cell of the report; a count above zero links to the cases behind it. */
function CellTd(p: { report: AnnualReport; cellKey: string; link: (k: string) => string }) {
  const value = p.report.cells[p.cellKey as keyof AnnualReport['cells']];
  return (
    <td data-cell={p.cellKey}>
      {typeof value === 'number' && value > 0 ? (
        <a href={p.link(p.cellKey)}>{value}</a>
      ) : (
        String(value ?? '')
      )}
    </td>
  );
}

function T4Table({ report, link }: { report: AnnualReport; link: (k: string) => string }) {
  return (
    <table class="data report t4">
      <caption>四、政府信息公开行政复议、行政诉讼情况</caption>
      <thead>
        <tr>
          {t4GroupKeys.map((g) => (
            <th colspan={5}>{APPEAL_KIND_LABELS[g]}</th>
          ))}
        </tr>
        <tr>
          {t4GroupKeys.map(() =>
            t4OutcomeKeys.map((o) => <th>{o === 'total' ? '总计' : APPEAL_OUTCOME_LABELS[o]}</th>),
          )}
        </tr>
      </thead>
      <tbody>
        <tr>
          {t4GroupKeys.map((g) =>
            t4OutcomeKeys.map((o) => {
              return <CellTd report={report} cellKey={t4Key(g, o)} link={link} />;
            }),
          )}
        </tr>
      </tbody>
    </table>
  );
}

reportRoutes.get('/cell', async (c) => {
  const year = yearOf(c);
  const key = c.req.query('key') ?? '';
  const cell = parseCellKey(key);
  if (!cell) return c.notFound();
  const members = c.req.query('members') === '1';
  const cases = await casesBehindCell(c.get('database').db, await agencies(c, members), year, key);
  const title =
    cell.table === 't3'
      ? `${year}年表三：${t3RowLabel(cell.row)} · ${COL_LABELS[cell.col]}`
      : `${year}年表四：${APPEAL_KIND_LABELS[cell.group]} · ${cell.outcome === 'total' ? '总计' : APPEAL_OUTCOME_LABELS[cell.outcome]}`;
  return casesPage(
    c,
    '单元格明细',
    <>
      <h1>{title}</h1>
      <p>
        共 <strong data-count={String(cases.length)}>{cases.length}</strong> 件。
        <a href={`${base(c)}/report?year=${year}${members ? '&members=1' : ''}`}>返回统计表</a>
      </p>
      <CellCases
        cases={cases}
        cellKey={key}
        viewer={{ agencyId: c.get('agency').id, roles: c.get('roles') }}
        showAgency={members}
      />
    </>,
    [{ label: '统计表', href: `${base(c)}/report?year=${year}` }],
  );
});
