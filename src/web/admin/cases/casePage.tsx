/** The case page: applicant, request, clocks with their traces, timeline, letters, appeals, actions. */

import type { Child } from 'hono/jsx';
import { allowedActions } from '../../../cases/actions.ts';
import {
  APPROVER_ROLE_LABELS,
  type Approval,
  approvalOf,
  approverRoleOf,
} from '../../../cases/approval.ts';
import { CASE_FILE_PURPOSES, type CaseFilePurpose } from '../../../cases/caseFiles.ts';
import {
  APPEAL_KIND_LABELS,
  APPEAL_OUTCOME_LABELS,
  CASE_KIND_LABELS,
  type CaseEvent,
  type CaseEventType,
  CORRECTION_RESULT_LABELS,
} from '../../../cases/events.ts';
import {
  actionTitle,
  CASE_EVENTS,
  mayRecord,
  type OptionSource,
} from '../../../cases/eventTable.ts';
import { maskIdNumber, maskPhone } from '../../../cases/identifiers.ts';
import { redecisionDue } from '../../../cases/offered.ts';
import type { Agent } from '../../../cases/parties.ts';
import { applicantNameFor, canSeeApplicantData, maskName } from '../../../cases/privacy.ts';
import { formatQueryCode } from '../../../cases/queryCode.ts';
import { type CaseState, STATUS_LABELS } from '../../../cases/state.ts';
import type { CaseFileInfo } from '../../../db/caseFiles.ts';
import type { ApplicationRow, LetterRow, StoredEvent } from '../../../db/cases.ts';
import { DECISIONS, decisionKind, isDecisionId } from '../../../law/decisions.ts';
import { REASONS_FINDING_LABELS } from '../../../law/excessive.ts';
import {
  APPLICANT_TYPE_LABELS,
  type ApplicantType,
  OUTCOME_ROW_LABELS,
  type OutcomeRow,
} from '../../../law/keys.ts';
import { CHANNEL_LABELS, type Channel } from '../../../law/receipt.ts';
import { type Errors, Field, type Values } from '../../portal/apply/fields.tsx';
import { onceField } from '../../security/onceToken.tsx';
import { OnceForm } from '../../views/onceForm.tsx';
import { SubmittedNotice } from '../../views/submittedNotice.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { PetitionHandoverButton } from '../petitions/handoverButton.tsx';
import { CaseFiles } from './files.tsx';

export interface CasePageProps {
  base: string;
  csrf: string;
  row: ApplicationRow;
  state: CaseState;
  timeline: StoredEvent[];
  letters: LetterRow[];
  files: CaseFileInfo[];
  /** Why the last upload was refused. */
  fileError?: string;
  staff: { id: number; displayName: string }[];
  /** Who may be named as approving an extension (office heads and leaders). */
  approvers: { id: number; displayName: string; roles: readonly string[] }[];
  userNames: Map<number, string>;
  roles: string[];
  today: string;
  /** The action that failed, with its message and what was typed. */
  failed?: { action: string; message: string; values: Values; errors: Errors };
  /** Arrived from a registration (`new`) or from a form submitted a second time (`again`). */
  submitted?: 'new' | 'again';
}

export function CasePage(p: CasePageProps) {
  const { row, state } = p;
  const personal = canSeeApplicantData(p.roles);
  const canAct = personal;
  const actions = canAct
    ? allowedActions(state).filter((a) => CASE_EVENTS[a].form && mayRecord(a, p.roles))
    : [];
  return (
    <>
      <h1>
        申请 #{row.id} · {applicantNameFor(p.roles, row.applicantName, row.applicantType)}
      </h1>
      <p class="case-status">
        <span class={`badge status-${state.status}`} data-status={state.status}>
          {STATUS_LABELS[state.status]}
        </span>
        {state.kind === 'correction' ? (
          <span class="badge" data-case-kind="correction">
            {CASE_KIND_LABELS.correction}（不计入表三）
          </span>
        ) : null}
        {state.correction ? (
          <span class="badge outcome" data-correction={state.correction}>
            {CORRECTION_RESULT_LABELS[state.correction]}
          </span>
        ) : null}
        {state.outcome ? (
          <span class="badge outcome" data-outcome={state.outcome}>
            表三：{rowLabel(state.outcome)}
          </span>
        ) : null}
        <span class="muted"> 查询码 {formatQueryCode(row.queryCode)}</span>{' '}
        <a href={`${p.base}/${row.id}/print`}>打印视图</a>
        {personal ? (
          <>
            {' '}
            <a href={`${p.base}/${row.id}/receipt`}>打印申请回执</a>
          </>
        ) : null}
      </p>
      {state.outcome === 'n1' && personal ? (
        <PetitionHandoverButton casesBase={p.base} applicationId={row.id} csrf={p.csrf} />
      ) : null}
      <SubmittedNotice
        submitted={p.submitted}
        registered={
          <>
            申请已登记。查询码{' '}
            <strong data-query-code={row.queryCode}>{formatQueryCode(row.queryCode)}</strong>
            ，请告知申请人凭查询码和联系电话后4位在网站查询办理进度。
          </>
        }
      />
      {p.failed ? (
        <p class="alert" role="alert">
          未能
          {Object.hasOwn(CASE_EVENTS, p.failed.action)
            ? actionTitle(p.failed.action as CaseEventType)
            : '操作'}
          ：{p.failed.message}
          （未作任何更改）
        </p>
      ) : null}
      <div class="case-grid">
        <section class="card">
          <h2>申请人与申请内容</h2>
          <Applicant row={row} personal={personal} files={p.files} />
          <RequestFacts row={row} state={state} userNames={p.userNames} />
        </section>
        <Clocks state={state} today={p.today} />
      </div>
      {actions.length > 0 ? (
        <section class="actions">
          <h2>可进行的操作</h2>
          {actions.map((a) => (
            <ActionForm {...p} action={a} />
          ))}
        </section>
      ) : null}
      <section>
        <h2>办理记录</h2>
        <ol class="timeline">
          {p.timeline.map((t) => (
            <li>
              <strong>{t.event.on}</strong> {CASE_EVENTS[t.event.type].label}
              <span class="muted"> {describeEvent(t.event)}</span>
              {t.userId ? (
                <span class="muted">（{p.userNames.get(t.userId) ?? `#${t.userId}`}）</span>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h2>文书</h2>
        {p.letters.length === 0 ? <p class="muted">尚未生成文书。</p> : null}
        <ul class="letters">
          {p.letters.map((l) => (
            <li>
              <a href={`${p.base}/${row.id}/letters/${l.id}`}>{l.title}</a>
              <span class="muted">（{l.toApplicant ? '送申请人' : '送第三方或其他机关'}）</span>
            </li>
          ))}
        </ul>
      </section>
      <CaseFiles
        href={`${p.base}/${row.id}`}
        csrf={p.csrf}
        files={p.files}
        personal={personal}
        error={p.fileError}
      />
      {state.appeals.length > 0 ? (
        <section>
          <h2>行政复议与行政诉讼</h2>
          <table class="data">
            <TableHead columns={['类型', '复议机关/法院', '案号', '立案', '审结', '结果']} />
            <tbody>
              {state.appeals.map((a) => (
                <tr>
                  <td>{APPEAL_KIND_LABELS[a.kind]}</td>
                  <td>{a.body}</td>
                  <td>{a.caseNumber ?? ''}</td>
                  <td>{a.filedOn}</td>
                  <td>{a.closedOn ?? ''}</td>
                  <td>{APPEAL_OUTCOME_LABELS[a.outcome ?? 'pending']}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}

/** What was asked, how, when and who handles it: the case page and its print view. */
export function RequestFacts({
  row,
  state,
  userNames,
}: {
  row: ApplicationRow;
  state: CaseState;
  userNames: Map<number, string>;
}) {
  return (
    <dl class="facts">
      <dt>所需信息</dt>
      <dd>{row.request.description}</dd>
      {state.amendedRequest ? (
        <>
          <dt>补正后的申请内容</dt>
          <dd class="amended-request">{state.amendedRequest}</dd>
        </>
      ) : null}
      {row.request.documentNumber ? (
        <>
          <dt>文号</dt>
          <dd>{row.request.documentNumber}</dd>
        </>
      ) : null}
      <dt>提供形式 / 获取方式</dt>
      <dd>
        {row.request.form} / {row.request.delivery}
      </dd>
      <dt>渠道</dt>
      <dd>{CHANNEL_LABELS[row.channel as Channel]}</dd>
      <dt>提交日期</dt>
      <dd>{row.submittedOn}</dd>
      <dt>收到申请之日</dt>
      <dd>{state.receivedOn ?? '待确认'}</dd>
      <dt>承办人</dt>
      <dd>
        {state.handlerId ? (userNames.get(state.handlerId) ?? `#${state.handlerId}`) : '未分派'}
      </dd>
    </dl>
  );
}

export function Applicant({
  row,
  personal,
  files,
}: {
  row: ApplicationRow;
  personal: boolean;
  files: readonly { purpose: string }[];
}) {
  const a = row.applicant;
  const provided = (purpose: CaseFilePurpose) =>
    files.some((f) => f.purpose === purpose) ? '已提供' : '未提供';
  return (
    <dl class="facts">
      <dt>申请人类型</dt>
      <dd>{APPLICANT_TYPE_LABELS[row.applicantType as ApplicantType]}</dd>
      <dt>{a.kind === 'person' ? '姓名' : '名称'}</dt>
      <dd>{personal ? a.name : applicantNameFor([], a.name, row.applicantType)}</dd>
      {a.idNumber ? (
        <>
          <dt>{a.idType ?? '证件号码'}</dt>
          <dd>{personal ? a.idNumber : maskIdNumber(a.idNumber)}</dd>
        </>
      ) : null}
      {a.uscc ? (
        <>
          <dt>统一社会信用代码</dt>
          <dd>{a.uscc}</dd>
        </>
      ) : null}
      {a.certificate ? (
        <>
          <dt>{a.certificate.type}</dt>
          <dd data-certificate>
            {a.certificate.number}（无统一社会信用代码：{a.certificate.noUsccReason}；证照
            {provided('certificate')}）
          </dd>
        </>
      ) : null}
      {a.kind === 'organisation' ? (
        <>
          <dt>联系人</dt>
          <dd>{personal ? a.contactPerson : maskName(a.contactPerson ?? '')}</dd>
        </>
      ) : null}
      <dt>身份证明</dt>
      <dd data-identity-proof={provided('identity-proof')}>{provided('identity-proof')}</dd>
      <dt>联系电话</dt>
      <dd>{personal ? a.phone : maskPhone(a.phone)}</dd>
      {personal && a.address ? (
        <>
          <dt>通信地址</dt>
          <dd>{a.address}</dd>
        </>
      ) : null}
      {personal && a.email ? (
        <>
          <dt>电子邮箱</dt>
          <dd>{a.email}</dd>
        </>
      ) : null}
      {a.agent ? (
        <AgentFacts agent={a.agent} personal={personal} poa={provided('power-of-attorney')} />
      ) : null}
    </dl>
  );
}

export function Clocks({ state, today }: { state: CaseState; today: string }) {
  const clock = state.clock;
  if (!clock) {
    return (
      <section class="card">
        <h2>期限</h2>
        <p>尚未确认收到申请：答复期限自收到申请之日起计算（条例第三十一条）。</p>
      </section>
    );
  }
  const overdue = state.outcome === null && clock.due !== null && clock.due < today;
  return (
    <section class="card clocks">
      <h2>期限</h2>
      <dl class="facts">
        <dt>答复期限</dt>
        <dd class={overdue ? 'overdue' : undefined} data-reply-due={clock.due ?? ''}>
          {state.outcome !== null
            ? `已于${state.resolvedOn}作出答复（期限${clock.due ?? '—'}）`
            : (clock.due ?? '等待补正，期限重新计算')}
          {overdue ? '（已超期）' : ''}
          {clock.provisional ? '（暂定：有年份尚未载入节假日安排）' : ''}
        </dd>
        {state.deferredTo ? (
          <>
            <dt>延迟答复</dt>
            <dd data-deferred-to={state.deferredTo}>
              依条例第三十五条确定延迟答复的合理期限至{state.deferredTo}
            </dd>
          </>
        ) : null}
        <dt>补正告知期限</dt>
        <dd>{clock.supplementNoticeDue}</dd>
        {clock.lapse ? (
          <>
            <dt>逾期处理</dt>
            <dd>{clock.lapse.reason}</dd>
          </>
        ) : null}
      </dl>
      <details open>
        <summary>期限推算过程</summary>
        <ol class="trace">
          {clock.trace.map((line) => (
            <li>{line}</li>
          ))}
        </ol>
      </details>
    </section>
  );
}

export function rowLabel(row: OutcomeRow): string {
  return OUTCOME_ROW_LABELS[row];
}

export function describeEvent(e: CaseEvent): string {
  switch (e.type) {
    case 'Submitted':
      return CHANNEL_LABELS[e.channel];
    case 'Received':
      return e.method ?? '';
    case 'SupplementRequested':
      return `补正期限至${e.deadline}：${e.items}`;
    case 'SupplementReceived':
      return supplementDetail(e);
    case 'ConsultationSent':
      return `${e.name}（${e.party === 'third-party' ? '第三方' : '其他机关'}）`;
    case 'ConsultationReplied':
      return `${e.objection ? '不同意公开' : ''}${e.objection && e.opinion ? '：' : ''}${e.opinion ?? ''}`;
    case 'ReasonsRequested':
      return `${e.grounds}；说明理由期限至${e.deadline}`;
    case 'ReasonsAssessed':
      return `${REASONS_FINDING_LABELS[e.finding]}${e.reasons ? `（理由：${e.reasons}）` : ''}；${e.assessment}`;
    case 'ThirdPartyNotified':
      return `拟于${e.disclosureOn}公开：${e.content}；理由：${e.reason}`;
    case 'ThirdPartyNoticeServed':
      return e.method;
    case 'Extension':
      return `${e.workdays}个工作日，${e.reason}，${approvalText(approvalOf(e.approvedBy))}同意`;
    case 'Deferral':
      return `期限至${e.due}，${e.reason}，${e.approvedBy}同意`;
    case 'ProcessingFeeNotified':
      return e.fee
        ? `${e.amount}元（${e.fee.method === 'piece' ? `按件，本月第${e.fee.quantity}件` : `按量，${e.fee.quantity}页`}，标准${e.fee.computed}元${e.fee.reduction ? `，减免${e.fee.reduction}元：${e.fee.reductionReason}` : ''}）`
        : `${e.amount}元`;
    case 'ProcessingFeeNoticeDelivered':
      return `${e.method}；缴费期限自次日起20个工作日`;
    case 'Decided':
      return isDecisionId(e.decision)
        ? `${decisionKind(e.decision).label}${e.withheld ? `；不予公开：${e.withheld}（${e.withheldReason}）` : ''}`
        : '';
    case 'Served':
      return e.method;
    case 'Withdrawn':
      return e.reason;
    case 'AppealFiled':
      return `${APPEAL_KIND_LABELS[e.kind]}，${e.body}${e.against === 'no-reply' ? '（对未答复）' : ''}`;
    case 'Redecided':
      return isDecisionId(e.decision) ? `${decisionKind(e.decision).label}（重新答复）` : '';
    case 'AppealClosed':
      return APPEAL_OUTCOME_LABELS[e.outcome];
    case 'FileAttached':
      return `${CASE_FILE_PURPOSES[e.purpose]}：${e.title}${e.by === 'applicant' ? '（申请人上传）' : ''}`;
    case 'CorrectionDecided':
      return `${CORRECTION_RESULT_LABELS[e.result]}${e.competentAgency ? `（${e.competentAgency}）` : ''}：${e.text}`;
    default:
      return '';
  }
}

function supplementDetail(e: Extract<CaseEvent, { type: 'SupplementReceived' }>): string {
  const files = e.fileIds?.length ? `（附补正材料${e.fileIds.length}个，见“材料”）` : '';
  const online = e.by === 'applicant' && `申请人网上补正${e.text ? `：${e.text}` : ''}${files}`;
  const amended = e.amendedRequest && `补正后的申请内容：${e.amendedRequest}`;
  return [online, amended, e.note].filter(Boolean).join('；');
}

function ActionForm(p: CasePageProps & { action: CaseEventType }) {
  const failed = p.failed?.action === p.action ? p.failed : undefined;
  const values: Values = failed?.values ?? { on: p.today };
  const errors: Errors = failed?.errors ?? {};
  const f = { values, errors, idPrefix: `f-${p.action}` };
  const fields = actionFields(p, f);
  return (
    <details class="action" open={failed !== undefined} data-action={p.action}>
      <summary>{actionTitle(p.action)}</summary>
      <OnceForm
        action={`${p.base}/${p.row.id}/act`}
        csrf={p.csrf}
        token={failed?.values[onceField]}
        class="form"
      >
        <input type="hidden" name="action" value={p.action} />
        <input type="hidden" name="version" value={String(p.row.version)} />
        <p class="muted">{CASE_EVENTS[p.action].description}</p>
        <Field {...f} name="on" label="日期" type="date" required />
        {fields}
        <button type="submit">{CASE_EVENTS[p.action].label}</button>
      </OnceForm>
    </details>
  );
}

function approvalText(a: Approval): string {
  return a.role === 'office-head' ? a.name : `${a.name}（${APPROVER_ROLE_LABELS[a.role]}）`;
}

/** The action form's fields, from the event table. */
function actionFields(
  p: CasePageProps & { action: CaseEventType },
  f: { values: Values; errors: Errors; idPrefix: string },
): Child {
  return CASE_EVENTS[p.action].fields.map((field) =>
    field === 'decision' ? (
      <DecisionFields f={f} />
    ) : (
      <Field
        {...f}
        name={field.name}
        label={field.label}
        type={field.type}
        required={field.required}
        multiline={field.multiline}
        options={field.options === undefined ? undefined : optionsOf(field.options, p)}
      />
    ),
  );
}

/** A select's value → label pairs: fixed, or from the case and agency at hand. */
function optionsOf(source: OptionSource, p: CasePageProps): [string, string][] {
  const { state } = p;
  if (typeof source !== 'string') return source.map(([v, l]) => [v, l]);
  switch (source) {
    case 'staff':
      return p.staff.map((s) => [String(s.id), s.displayName]);
    case 'approvers':
      return p.approvers.map((a) => [
        String(a.id),
        `${a.displayName}（${APPROVER_ROLE_LABELS[approverRoleOf(a.roles)]}）`,
      ]);
    case 'openConsultations':
      return state.consultations
        .filter((c) => c.repliedOn === null)
        .map((c) => [c.id, `${c.name}（${c.sentOn}发出）`]);
    case 'openAppeals':
      return state.appeals
        .filter((a) => a.closedOn === null)
        .map((a) => [a.id, `${APPEAL_KIND_LABELS[a.kind]}，${a.body}（${a.filedOn}）`]);
    case 'correctedAppeals':
      return redecisionDue(state).map((id) => {
        const a = state.appeals.find((x) => x.id === id)!;
        return [id, `${APPEAL_KIND_LABELS[a.kind]}，${a.body}（${a.closedOn}纠正）`];
      });
    case 'objectingThirdParties':
      return state.consultations
        .filter((c) => c.party === 'third-party' && c.objection && !c.notice)
        .map((c) => [c.id, `${c.name}（${c.repliedOn}不同意公开）`]);
    case 'unservedThirdPartyNotices':
      return state.consultations
        .filter((c) => c.notice && c.notice.servedOn === null)
        .map((c) => [c.id, `${c.name}（${c.notice!.on}告知）`]);
  }
}

/** The fields of a decision: the catalogue entry, what it states, the withheld part. */
function DecisionFields({ f }: { f: { values: Values; errors: Errors; idPrefix: string } }) {
  return (
    <>
      <Field
        {...f}
        name="decision"
        label="答复决定（决定表三中的行）"
        required
        options={DECISIONS.filter((d) => d.id !== 'withdrawn').map((d) => [
          d.id,
          `${d.label}（${d.basis}）`,
        ])}
      />
      <Field {...f} name="text" label="答复内容（提供的信息、获取方式或理由）" multiline />
      <Field {...f} name="withheld" label="部分公开：不予公开的内容" multiline />
      <Field {...f} name="withheldReason" label="部分公开：不予公开的理由和依据" multiline />
    </>
  );
}

/** 代理人: a natural person's data, masked like the applicant's for everyone but case staff. */
function AgentFacts(p: { agent: Agent; personal: boolean; poa: string }) {
  const { agent, personal } = p;
  return (
    <>
      <dt>代理人</dt>
      <dd data-agent>
        {personal ? agent.name : maskName(agent.name)}，
        {personal ? agent.phone : maskPhone(agent.phone)}
        {agent.idNumber ? `，${personal ? agent.idNumber : maskIdNumber(agent.idNumber)}` : ''}
      </dd>
      <dt>授权委托书</dt>
      <dd data-power-of-attorney={p.poa}>{p.poa}</dd>
    </>
  );
}
