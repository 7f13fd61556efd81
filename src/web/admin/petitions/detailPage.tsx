import type { Context } from 'hono';
import type { PetitionDetail } from '../../../db/petitions.ts';
import { todayInChina } from '../../../law/date.ts';
import { PETITION_CHANNEL_LABELS, type PetitionChannel } from '../../../petitions/channel.ts';
import {
  isOverdue,
  PETITION_STATUS_LABELS,
  type PetitionDeadline,
} from '../../../petitions/clock.ts';
import {
  mayTake,
  PETITION_ACTION_NAMES,
  PETITION_ACTIONS,
  PETITION_EVENTS,
  type PetitionActionName,
} from '../../../petitions/eventTable.ts';
import { isLeaderLevel, LEADER_LEVEL_LABELS } from '../../../petitions/leaderLevel.ts';
import { canSeePetitionerData, MASKED_TEXT, petitionerFor } from '../../../petitions/privacy.ts';
import type { AppEnv } from '../../env.ts';
import type { FormState } from '../../form.ts';
import { submittedState } from '../../security/oneTimeForm.ts';
import { CsrfField } from '../../views/csrfField.tsx';
import { Alert, Field, SelectField, TextArea } from '../../views/formFields.tsx';
import { SubmittedNotice } from '../../views/submittedNotice.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { adminFrame } from '../adminPage.tsx';
import { base, crumbs } from './common.tsx';

export type ActionForm = FormState & { action: PetitionActionName };

/** One petition: the matter, the petitioner (masked for non-staff), its clocks with the trace, and the next steps. */
export function PetitionPage(props: {
  c: Context<AppEnv>;
  detail: PetitionDetail;
  form?: ActionForm;
}) {
  const { c, detail } = props;
  const agency = c.get('agency');
  const roles = c.get('roles');
  const seesPersonal = canSeePetitionerData(roles);
  const { row, clock } = detail;
  const url = `${base(agency)}/${row.id}`;
  const formFor = (action: ActionForm['action']): FormState => {
    const f = props.form;
    return f && f.action === action ? f : { raw: { on: todayInChina() }, errors: {} };
  };
  return adminFrame(
    c,
    `信访事项 ${row.queryCode}`,
    crumbs(agency, { label: row.queryCode }),
    <>
      <h1>信访事项 {row.queryCode}</h1>
      <SubmittedNotice submitted={props.form ? undefined : submittedState(c)} />
      <Alert message={props.form?.message} />
      <dl class="facts">
        <dt>状态</dt>
        <dd class="status">{PETITION_STATUS_LABELS[clock.status]}</dd>
        <dt>信访形式</dt>
        <dd>
          {PETITION_CHANNEL_LABELS[row.channel as PetitionChannel]}
          {row.channel === 'visit' ? `，${row.persons}人次` : ''}
          {row.leaderReceived
            ? `，领导接访（${leaderWords(row.leaderLevel, row.leaderName)}）`
            : ''}
        </dd>
        <dt>收到日期</dt>
        <dd>{row.receivedOn}</dd>
        <dt>事项</dt>
        <dd>{row.subject}</dd>
        <dt>诉求内容</dt>
        <dd class="pre">{seesPersonal ? row.content : MASKED_TEXT}</dd>
        <dt>承办单位</dt>
        <dd>{row.handlingUnit ?? '—'}</dd>
        {row.sourceApplicationId !== null ? (
          <>
            <dt>来源</dt>
            <dd>
              由政府信息公开申请（编号 {row.sourceApplicationId}
              ）转入：该申请按信访举报投诉类申请不予处理（n1）
            </dd>
          </>
        ) : null}
        {row.answerText !== null ? (
          <>
            <dt>处理意见</dt>
            <dd class="pre">{seesPersonal ? row.answerText : MASKED_TEXT}</dd>
          </>
        ) : null}
      </dl>

      <h2>信访人</h2>
      {seesPersonal ? null : <p class="muted">信访人个人信息仅信访工作人员可见。</p>}
      <table>
        <TableHead columns={['姓名', '联系电话', '身份证号码', '住址']} />
        <tbody>
          {detail.petitioners.map((p) => {
            const shown = petitionerFor(roles, p);
            return (
              <tr>
                <td class="petitioner-name">{shown.name}</td>
                <td>{shown.phone ?? '—'}</td>
                <td>{shown.idNumber ?? '—'}</td>
                <td>{shown.address ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>期限</h2>
      <table class="deadlines">
        <TableHead columns={['期限', '届满日', '完成日', '情况']} />
        <tbody>
          {[
            clock.acceptance,
            clock.handling,
            clock.reviewRequest,
            clock.reviewAnswer,
            clock.recheckRequest,
            clock.recheckAnswer,
          ].map((d) => (d ? <DeadlineRow deadline={d} /> : null))}
        </tbody>
      </table>
      <h3>计算过程</h3>
      <ol class="trace">
        {clock.trace.map((line) => (
          <li>{line}</li>
        ))}
      </ol>

      <h2>办理记录</h2>
      <ol class="timeline">
        {detail.events.map((e) => (
          <li>
            <strong>{e.on}</strong> {PETITION_EVENTS[e.type].label}
          </li>
        ))}
      </ol>

      {PETITION_ACTION_NAMES.filter(
        (action) =>
          mayTake(action, roles) && PETITION_ACTIONS[action].applies(clock, row.closedOn !== null),
      ).map((action) => (
        <ActionCard c={c} url={url} action={action} form={formFor(action)} />
      ))}
    </>,
  );
}

function DeadlineRow({ deadline: d }: { deadline: PetitionDeadline }) {
  const overdue = isOverdue(d, todayInChina());
  let state = '进行中';
  if (d.onTime === true) state = '按期';
  else if (d.onTime === false) state = '逾期';
  else if (overdue) state = '已逾期，尚未完成';
  return (
    <tr class={d.onTime === false || overdue ? 'overdue' : undefined}>
      <td>{d.label}</td>
      <td>{d.due}</td>
      <td>{d.doneOn ?? '—'}</td>
      <td>{state}</td>
    </tr>
  );
}

/** An action's form, built from its row in the petition event table. */
function ActionCard(props: {
  c: Context<AppEnv>;
  url: string;
  action: PetitionActionName;
  form: FormState;
}) {
  const { action, form } = props;
  const spec = PETITION_ACTIONS[action];
  return (
    <section class="card">
      <h2>{spec.title}</h2>
      {spec.description ? <p class="muted">{spec.description}</p> : null}
      <form method="post" action={`${props.url}/${action}`} class="form">
        <CsrfField token={props.c.get('csrfToken')} />
        {spec.fields.map((field) => {
          const f = { ...field, raw: form.raw, errors: form.errors, idPrefix: `${action}-` };
          if (field.options) return <SelectField {...f} options={field.options} />;
          return field.multiline ? <TextArea {...f} /> : <Field {...f} />;
        })}
        <button type="submit">{spec.button}</button>
      </form>
    </section>
  );
}

/** `县级领导 张三`, or the name alone for records made before the level was asked. */
function leaderWords(level: string | null, name: string | null): string {
  const label = isLeaderLevel(level) ? LEADER_LEVEL_LABELS[level] : '';
  return [label, name ?? ''].filter(Boolean).join(' ');
}
