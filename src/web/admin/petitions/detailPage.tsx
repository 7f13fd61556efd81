import type { Context } from 'hono';
import type { PetitionDetail } from '../../../db/petitions.ts';
import { todayInChina } from '../../../law/date.ts';
import { PETITION_CHANNEL_LABELS, type PetitionChannel } from '../../../petitions/channel.ts';
import {
  isOverdue,
  PETITION_STATUS_LABELS,
  type PetitionDeadline,
} from '../../../petitions/clock.ts';
import { ACCEPTANCE_DECISION_LABELS, ACCEPTANCE_DECISIONS } from '../../../petitions/events.ts';
import { canSeePetitionerData, MASKED_TEXT, petitionerFor } from '../../../petitions/privacy.ts';
import type { AppEnv } from '../../env.ts';
import { submittedState } from '../../security/oneTimeForm.ts';
import { CsrfField } from '../../views/csrfField.tsx';
import { Alert, Field, SelectField, TextArea } from '../../views/formFields.tsx';
import { Layout } from '../../views/layout.tsx';
import { SubmittedNotice } from '../../views/submittedNotice.tsx';
import { accountBox } from '../accountBox.tsx';
import { base, crumbs, EXTENDING_ROLES, HANDLING_ROLES, holds } from './common.tsx';
import { REVIEW_STEP_LABELS, REVIEW_STEPS } from './forms.ts';
import type { FormState } from './newPage.tsx';

export type ActionForm = FormState & { action: 'accept' | 'extend' | 'answer' | 'review' };

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
  const handles = holds(c, HANDLING_ROLES);
  const open = row.closedOn === null && clock.handling !== null;
  return (
    <Layout
      title={`信访事项 ${row.queryCode}`}
      agency={agency}
      breadcrumb={crumbs(agency, { label: row.queryCode })}
      account={accountBox(c)}
    >
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
          {row.leaderReceived ? `，领导接访（${row.leaderName ?? ''}）` : ''}
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
        <thead>
          <tr>
            <th>姓名</th>
            <th>联系电话</th>
            <th>身份证号码</th>
            <th>住址</th>
          </tr>
        </thead>
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
        <thead>
          <tr>
            <th>期限</th>
            <th>届满日</th>
            <th>完成日</th>
            <th>情况</th>
          </tr>
        </thead>
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

      {handles && clock.status === 'registered' ? (
        <AcceptForm c={c} url={url} form={formFor('accept')} />
      ) : null}
      {holds(c, EXTENDING_ROLES) && open && clock.extensionDays === 0 ? (
        <ExtendForm c={c} url={url} form={formFor('extend')} />
      ) : null}
      {handles && open ? <AnswerForm c={c} url={url} form={formFor('answer')} /> : null}
      {handles && row.closedOn !== null && clock.status !== 'rechecked' ? (
        <ReviewForm c={c} url={url} form={formFor('review')} />
      ) : null}
    </Layout>
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

type FormProps = { c: Context<AppEnv>; url: string; form: FormState };

function AcceptForm({ c, url, form }: FormProps) {
  return (
    <section class="card">
      <h2>受理告知</h2>
      <p class="muted">应自收到之日起15日内书面告知信访人是否受理。</p>
      <form method="post" action={`${url}/accept`} class="form">
        <CsrfField token={c.get('csrfToken')} />
        <SelectField
          name="decision"
          label="受理结果"
          raw={form.raw}
          errors={form.errors}
          options={labelsOf(ACCEPTANCE_DECISIONS, ACCEPTANCE_DECISION_LABELS)}
        />
        <Field
          idPrefix="accept-"
          name="on"
          label="告知日期"
          type="date"
          raw={form.raw}
          errors={form.errors}
          required
        />
        <Field
          idPrefix="accept-"
          name="note"
          label="说明（不予受理的理由或转送机关）"
          raw={form.raw}
          errors={form.errors}
        />
        <button type="submit">记录受理告知</button>
      </form>
    </section>
  );
}

function ExtendForm({ c, url, form }: FormProps) {
  return (
    <section class="card">
      <h2>延长办理期限</h2>
      <p class="muted">情况复杂的，经本机关负责人批准，可延长不超过30日，并告知信访人延期理由。</p>
      <form method="post" action={`${url}/extend`} class="form">
        <CsrfField token={c.get('csrfToken')} />
        <Field
          idPrefix="extend-"
          name="on"
          label="批准日期"
          type="date"
          raw={form.raw}
          errors={form.errors}
          required
        />
        <Field
          idPrefix="extend-"
          name="days"
          label="延长日数"
          type="number"
          raw={form.raw}
          errors={form.errors}
          required
        />
        <Field
          idPrefix="extend-"
          name="approvedBy"
          label="批准人"
          raw={form.raw}
          errors={form.errors}
          required
        />
        <Field
          idPrefix="extend-"
          name="reason"
          label="延期理由"
          raw={form.raw}
          errors={form.errors}
          required
        />
        <button type="submit">记录延期</button>
      </form>
    </section>
  );
}

function AnswerForm({ c, url, form }: FormProps) {
  return (
    <section class="card">
      <h2>出具处理意见书（办结）</h2>
      <form method="post" action={`${url}/answer`} class="form">
        <CsrfField token={c.get('csrfToken')} />
        <Field
          idPrefix="answer-"
          name="on"
          label="出具日期"
          type="date"
          raw={form.raw}
          errors={form.errors}
          required
        />
        <Field
          idPrefix="answer-"
          name="servedOn"
          label="送达日期（不同于出具日期时填写）"
          type="date"
          raw={form.raw}
          errors={form.errors}
        />
        <TextArea
          idPrefix="answer-"
          name="text"
          label="处理意见"
          raw={form.raw}
          errors={form.errors}
          required
        />
        <button type="submit">办结</button>
      </form>
    </section>
  );
}

function ReviewForm({ c, url, form }: FormProps) {
  return (
    <section class="card">
      <h2>复查、复核</h2>
      <p class="muted">
        信访人可自收到处理意见书之日起30日内请求复查，自收到复查意见之日起30日内请求复核；复查、复核意见应在30日内出具，听证时间不计入。
      </p>
      <form method="post" action={`${url}/review`} class="form">
        <CsrfField token={c.get('csrfToken')} />
        <SelectField
          name="step"
          label="环节"
          raw={form.raw}
          errors={form.errors}
          options={labelsOf(REVIEW_STEPS, REVIEW_STEP_LABELS)}
        />
        <Field
          idPrefix="review-"
          name="on"
          label="日期（听证开始日期）"
          type="date"
          raw={form.raw}
          errors={form.errors}
          required
        />
        <Field
          idPrefix="review-"
          name="until"
          label="听证结束日期"
          type="date"
          raw={form.raw}
          errors={form.errors}
        />
        <Field
          idPrefix="review-"
          name="servedOn"
          label="意见送达日期"
          type="date"
          raw={form.raw}
          errors={form.errors}
        />
        <button type="submit">记录</button>
      </form>
    </section>
  );
}

/** The options of a select in the order of `keys`. */
function labelsOf<K extends string>(keys: readonly K[], labels: Record<K, string>) {
  return Object.fromEntries(keys.map((k) => [k, labels[k]]));
}
