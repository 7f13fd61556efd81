import type { Context } from 'hono';
import type { PetitionAggregateRow } from '../../../db/petitionAggregates.ts';
import { s6PetitionText } from '../../../petitions/s6.ts';
import {
  PETITION_STATISTIC_DEFINITIONS as D,
  formatRate,
  type PetitionStatistics,
  type RateFigure,
} from '../../../petitions/statistics.ts';
import type { AppEnv } from '../../env.ts';
import type { FormState } from '../../form.ts';
import { onceField } from '../../security/onceToken.tsx';
import { submittedState } from '../../security/oneTimeForm.ts';
import { Alert, Field } from '../../views/formFields.tsx';
import { OnceForm } from '../../views/onceForm.tsx';
import { SubmittedNotice } from '../../views/submittedNotice.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { adminFrame } from '../adminPage.tsx';
import { AGGREGATE_ROLES, base, crumbs, holds } from './common.tsx';

export interface StatisticsProps {
  c: Context<AppEnv>;
  stats: PetitionStatistics;
  aggregates: PetitionAggregateRow[];
  periodErrors: Record<string, string>;
  form?: FormState;
}

/** A period's figures, each with its definition, the S6 sentence, and the aggregate totals. */
export function StatisticsPage({ c, stats, aggregates, periodErrors, form }: StatisticsProps) {
  const agency = c.get('agency');
  const year = Number(stats.period.from.slice(0, 4));
  const wholeYear = stats.period.from.endsWith('-01-01') && stats.period.to === `${year}-12-31`;
  return adminFrame(
    c,
    '信访统计',
    crumbs(agency, { label: '统计' }),
    <>
      <h1>信访统计</h1>
      <SubmittedNotice submitted={form ? undefined : submittedState(c)} />
      <form method="get" action={`${base(agency)}/statistics`} class="filter">
        <label for="from">统计期自</label>
        <input id="from" name="from" type="date" value={stats.period.from} />
        <label for="to">至</label>
        <input id="to" name="to" type="date" value={stats.period.to} />
        <button type="submit">统计</button>
        {Object.values(periodErrors).map((m) => (
          <span class="field-error">{m}</span>
        ))}
      </form>
      <table class="petition-stats">
        <TableHead columns={['项目', '数值', '统计口径']} />
        <tbody>
          {figureRows(stats).map(([id, label, value, def]) => (
            <tr>
              <th scope="row">{label}</th>
              <td id={id}>{value}</td>
              <td class="definition">{def}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        数据来源：逐件登记 {stats.sources.records} 件
        {stats.sources.aggregates.map((a) => `；汇总数据 ${a.from}至${a.to}`).join('')}。
        {D.aggregates}
      </p>
      {stats.sources.partialAggregates.length > 0 ? (
        <p class="alert">
          统计期只覆盖了汇总期间
          {stats.sources.partialAggregates.map((a) => `${a.from}至${a.to}`).join('、')}
          的一部分，汇总数据无法拆分，未计入。
        </p>
      ) : null}
      <h2>年度报告“六、其他需要报告的事项”</h2>
      <p class="s6-text" id="s6-text">
        {s6PetitionText(stats, wholeYear ? { year } : {})}
      </p>
      <h2>汇总数据</h2>
      <p class="muted">
        未逐件登记的期间（如启用本系统之前的年度）按汇总数录入。未知的计数请留空，相应比率将显示为“无法确定”。
      </p>
      {aggregates.length === 0 ? (
        <p>尚未录入汇总数据。</p>
      ) : (
        <table>
          <TableHead
            columns={['期间', '来访', '领导接访', '来信、网上信访', '网信按期办结/应办结', '来源']}
          />
          <tbody>
            {aggregates.map((a) => (
              <tr>
                <td>
                  {a.periodFrom}至{a.periodTo}
                </td>
                <td>
                  {a.visitBatches}批{a.visitPersons}人次
                </td>
                <td>
                  {a.leaderBatches}批{a.leaderPersons}人次
                </td>
                <td>{a.writtenHandled}件</td>
                <td>
                  {a.writtenCompletionDue === null
                    ? '未提供'
                    : `${a.writtenCompletionOnTime}/${a.writtenCompletionDue}`}
                </td>
                <td>{a.source ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {holds(c, AGGREGATE_ROLES) ? (
        <AggregateForm c={c} form={form ?? { raw: {}, errors: {} }} />
      ) : null}
    </>,
  );
}

/** The period's figures as rows of id, label, value and definition. */
function figureRows(stats: PetitionStatistics): [string, string, string, string][] {
  const { visits, leaderReceptions: leader, written, overdue } = stats;
  return [
    [
      'stat-visits',
      '来访',
      `${visits.batches}批 ${visits.persons}人次`,
      D.visitBatches + D.visitPersons,
    ],
    ['stat-leader', '领导接访', `${leader.batches}批 ${leader.persons}人次`, D.leaderBatches],
    [
      'stat-written',
      '来信、网上信访办理',
      `${written.handled}件`,
      `${D.writtenHandled}（逐件登记：来信${written.letters}件、网上信访${written.online}件、上级转办${written.referred}件；汇总数${written.aggregated}件）`,
    ],
    ['stat-acceptance', '及时受理率', rate(stats.acceptance), D.acceptanceRate],
    ['stat-completion', '按期办结率', rate(stats.completion), D.completionRate],
    [
      'stat-written-completion',
      '网信办结率',
      rate(stats.writtenCompletion),
      D.writtenCompletionRate,
    ],
    [
      'stat-overdue',
      '逾期未办',
      `未告知${overdue.acceptance}件，未办结${overdue.handling}件`,
      D.overdue,
    ],
  ];
}

/** A rate with the counts it comes from, when they are known. */
function rate(figure: RateFigure): string {
  const counts = figure.known ? `（${figure.onTime}/${figure.due}）` : '';
  return `${formatRate(figure)}${counts}`;
}

function AggregateForm({ c, form }: { c: Context<AppEnv>; form: FormState }) {
  const agency = c.get('agency');
  const { raw, errors } = form;
  const fields: [string, string, boolean][] = [
    ['visitBatches', '来访批次', true],
    ['visitPersons', '来访人次', true],
    ['leaderBatches', '领导接访批次', true],
    ['leaderPersons', '领导接访人次', true],
    ['writtenHandled', '来信、网上信访办理件数', true],
    ['acceptanceDue', '应告知件数', false],
    ['acceptanceOnTime', '按期告知件数', false],
    ['completionDue', '应办结件数', false],
    ['completionOnTime', '按期办结件数', false],
    ['writtenCompletionDue', '网信应办结件数', false],
    ['writtenCompletionOnTime', '网信按期办结件数', false],
  ];
  return (
    <section class="card">
      <h3>录入或更正汇总数据</h3>
      <Alert message={form.message} />
      <OnceForm
        action={`${base(agency)}/aggregates`}
        csrf={c.get('csrfToken')}
        token={raw[onceField]}
        class="form"
      >
        <Field name="periodFrom" label="期间自" type="date" raw={raw} errors={errors} required />
        <Field name="periodTo" label="期间至" type="date" raw={raw} errors={errors} required />
        {fields.map(([name, label, required]) => (
          <Field
            name={name}
            label={label}
            type="number"
            raw={raw}
            errors={errors}
            required={required}
          />
        ))}
        <Field name="source" label="数据来源" raw={raw} errors={errors} />
        <button type="submit">保存汇总数据</button>
      </OnceForm>
    </section>
  );
}
