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
import { OnceField, onceField } from '../../security/onceToken.tsx';
import { submittedState } from '../../security/oneTimeForm.ts';
import { CsrfField } from '../../views/csrfField.tsx';
import { Alert, Field } from '../../views/formFields.tsx';
import { SubmittedNotice } from '../../views/submittedNotice.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { adminFrame } from '../adminPage.tsx';
import { AGGREGATE_ROLES, base, crumbs, holds } from './common.tsx';
import type { FormState } from './newPage.tsx';

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
          <Row
            label="来访"
            value={`${stats.visits.batches}批 ${stats.visits.persons}人次`}
            def={`${D.visitBatches}${D.visitPersons}`}
            id="stat-visits"
          />
          <Row
            label="领导接访"
            value={`${stats.leaderReceptions.batches}批 ${stats.leaderReceptions.persons}人次`}
            def={D.leaderBatches}
            id="stat-leader"
          />
          <Row
            label="来信、网上信访办理"
            value={`${stats.written.handled}件`}
            def={`${D.writtenHandled}（逐件登记：来信${stats.written.letters}件、网上信访${stats.written.online}件、上级转办${stats.written.referred}件；汇总数${stats.written.aggregated}件）`}
            id="stat-written"
          />
          <RateRow
            label="及时受理率"
            figure={stats.acceptance}
            def={D.acceptanceRate}
            id="stat-acceptance"
          />
          <RateRow
            label="按期办结率"
            figure={stats.completion}
            def={D.completionRate}
            id="stat-completion"
          />
          <RateRow
            label="网信办结率"
            figure={stats.writtenCompletion}
            def={D.writtenCompletionRate}
            id="stat-written-completion"
          />
          <Row
            label="逾期未办"
            value={`未告知${stats.overdue.acceptance}件，未办结${stats.overdue.handling}件`}
            def={D.overdue}
            id="stat-overdue"
          />
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

function Row({ label, value, def, id }: { label: string; value: string; def: string; id: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td id={id}>{value}</td>
      <td class="definition">{def}</td>
    </tr>
  );
}

function RateRow({
  label,
  figure,
  def,
  id,
}: {
  label: string;
  figure: RateFigure;
  def: string;
  id: string;
}) {
  const counts = figure.known ? `（${figure.onTime}/${figure.due}）` : '';
  return <Row label={label} value={`${formatRate(figure)}${counts}`} def={def} id={id} />;
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
      <form method="post" action={`${base(agency)}/aggregates`} class="form">
        <CsrfField token={c.get('csrfToken')} />
        <OnceField token={raw[onceField] || undefined} />
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
      </form>
    </section>
  );
}
