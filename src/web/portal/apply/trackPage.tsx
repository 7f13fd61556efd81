/** The applicant's view of one tracked case: status, deadline, 补正, fee, letters, documents, timeline. */
import type { CaseEvent, FeeAssessment } from '../../../cases/events.ts';
import { publicDeadline } from '../../../cases/publicDeadline.ts';
import { publicTimeline } from '../../../cases/publicTimeline.ts';
import { formatQueryCode } from '../../../cases/queryCode.ts';
import { type CaseState, STATUS_LABELS } from '../../../cases/state.ts';
import type { CaseFileInfo } from '../../../db/caseFiles.ts';
import type { ApplicationRow, LetterRow } from '../../../db/cases.ts';
import { decisionKind, isDecisionId } from '../../../law/decisions.ts';
import { ATTACHMENT_ACCEPT } from '../../admin/catalog/uploads.ts';
import { OnceForm } from '../../views/onceForm.tsx';
import { SUPPLEMENT_LIMITS } from './supplementAnswer.ts';

export interface TrackedCase {
  row: ApplicationRow;
  events: CaseEvent[];
  state: CaseState;
  letters: LetterRow[];
  /** The files the applicant may download: their own, and the released ones once served. */
  files: CaseFileInfo[];
}

export interface SupplementForm {
  text: string;
  error?: string;
  once?: string;
}

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function TrackPage(p: {
  base: string;
  csrf: string;
  tracked: TrackedCase;
  today: string;
  answered: boolean;
  supplement: SupplementForm;
}) {
  const { row, state, events } = p.tracked;
  const decision = row.decision && isDecisionId(row.decision) ? decisionKind(row.decision) : null;
  const deadline = publicDeadline(state);
  const released = p.tracked.files.filter((f) => f.purpose === 'released');
  return (
    <section class="track-result">
      <h1>办理进度</h1>
      {p.answered ? (
        <p class="notice" role="status">
          补正已提交，工作机构将据此继续办理。
        </p>
      ) : null}
      <dl class="facts">
        <dt>查询码</dt>
        <dd>{formatQueryCode(row.queryCode)}</dd>
        <dt>办理状态</dt>
        <dd data-status={row.status}>{STATUS_LABELS[row.status as keyof typeof STATUS_LABELS]}</dd>
        <dt>提交日期</dt>
        <dd>{row.submittedOn}</dd>
        <dt>收到申请之日</dt>
        <dd>{row.receivedOn ?? '待工作机构确认'}</dd>
        {row.replyDue ? (
          <>
            <dt>答复期限</dt>
            <dd data-reply-due={row.replyDue}>{row.replyDue}</dd>
          </>
        ) : null}
        {decision && row.servedOn ? (
          <>
            <dt>答复结果</dt>
            <dd>{decision.label}</dd>
            <dt>送达日期</dt>
            <dd>{row.servedOn}</dd>
          </>
        ) : null}
      </dl>
      {deadline.length > 0 ? (
        <section aria-labelledby="deadline-h" class="deadline-explained">
          <h2 id="deadline-h">答复期限怎么算</h2>
          {deadline.map((line) => (
            <p>{line}</p>
          ))}
        </section>
      ) : null}
      <SupplementPanel {...p} />
      <FeePanel events={events} state={state} />
      <h2>文书</h2>
      {p.tracked.letters.length === 0 ? <p class="muted">暂无文书。</p> : null}
      <ul class="letters">
        {p.tracked.letters.map((l) => (
          <li>
            <a href={`${p.base}/letters/${l.id}`} download>
              下载《{l.title}》
            </a>
          </li>
        ))}
      </ul>
      {row.servedOn ? (
        <>
          <h2>公开的政府信息</h2>
          {released.length === 0 ? <p class="muted">答复未附电子文件。</p> : null}
          <FileList base={p.base} files={released} />
        </>
      ) : null}
      <h2>办理记录</h2>
      <ol class="public-timeline">
        {publicTimeline(events).map((e) => (
          <li>
            <time datetime={e.on}>{e.on}</time> {e.text}
          </li>
        ))}
      </ol>
      <p>
        <a href={`${p.base}/receipt`}>打印申请回执</a> · <a href={`${p.base}/end`}>退出查询</a>
      </p>
    </section>
  );
}

function FileList(p: { base: string; files: CaseFileInfo[] }) {
  return (
    <ul class="letters">
      {p.files.map((f) => (
        <li data-file={f.id}>
          <a href={`${p.base}/files/${f.id}`} download>
            下载《{f.title}》
          </a>
          <span class="muted">（{sizeText(f.size)}）</span>
        </li>
      ))}
    </ul>
  );
}

/** The open 补正告知 and the form to answer it; what was already sent. */
function SupplementPanel(p: {
  base: string;
  csrf: string;
  tracked: TrackedCase;
  today: string;
  supplement: SupplementForm;
}) {
  const { state, events } = p.tracked;
  const request = events.findLast((e) => e.type === 'SupplementRequested');
  const sent = p.tracked.files.filter((f) => f.purpose === 'supplement' && f.userId === null);
  if (!request) return null;
  const open = state.supplement === 'requested' && state.outcome === null && !state.withdrawn;
  return (
    <section aria-labelledby="supplement-h" class="supplement">
      <h2 id="supplement-h">补正告知</h2>
      <p>
        工作机构于{request.on}告知：申请内容需要补正，补正期限至<strong>{request.deadline}</strong>
        。
      </p>
      <blockquote class="supplement-items">{request.items}</blockquote>
      {sent.length > 0 ? (
        <>
          <h3>您已提交的补正材料</h3>
          <FileList base={p.base} files={sent} />
        </>
      ) : null}
      {!open ? null : p.today > request.deadline ? (
        <p class="alert">补正期限已过，不能在网上提交补正。如有疑问，请与工作机构联系。</p>
      ) : (
        <SupplementAnswerForm {...p} />
      )}
    </section>
  );
}

function SupplementAnswerForm(p: { base: string; csrf: string; supplement: SupplementForm }) {
  const error = p.supplement.error;
  return (
    <OnceForm
      action={`${p.base}/supplement`}
      csrf={p.csrf}
      token={p.supplement.once}
      class="form"
      multipart
      novalidate
    >
      <h3>在网上补正</h3>
      {error ? (
        <p class="alert" role="alert" id="supplement-error">
          {error}
        </p>
      ) : null}
      <label for="supplement-text">补正说明</label>
      <textarea
        id="supplement-text"
        name="text"
        rows={5}
        maxlength={SUPPLEMENT_LIMITS.textChars}
        aria-describedby={error ? 'supplement-error' : undefined}
      >
        {p.supplement.text}
      </textarea>
      <label for="supplement-files">
        补正材料（可选；PDF、Word、Excel 或图片，最多{SUPPLEMENT_LIMITS.files}个，合计不超过
        {SUPPLEMENT_LIMITS.totalBytes / 1024 / 1024} MB）
      </label>
      <input id="supplement-files" name="files" type="file" accept={ATTACHMENT_ACCEPT} multiple />
      <button type="submit">提交补正</button>
    </OnceForm>
  );
}

function feeBasis(fee: FeeAssessment): string {
  const count =
    fee.method === 'piece'
      ? `按件计收（本自然月内第${fee.quantity}件申请）`
      : `按量计收（共${fee.quantity}页）`;
  const reduced =
    fee.reduction > 0
      ? `，减免${fee.reduction}元${fee.reductionReason ? `（${fee.reductionReason}）` : ''}`
      : '';
  return `依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）${count}，计算${fee.computed}元${reduced}`;
}

/** The latest fee notice: amount, basis, how to pay, the window and whether it is paid. */
function FeePanel(p: { events: CaseEvent[]; state: CaseState }) {
  const notice = p.events.findLast((e) => e.type === 'ProcessingFeeNotified');
  if (!notice) return null;
  const paid = p.events.findLast((e) => e.type === 'ProcessingFeePaid');
  const lapse = p.state.clock?.lapse?.outcome === 'o2' ? p.state.clock.lapse : null;
  return (
    <section aria-labelledby="fee-h" class="fee">
      <h2 id="fee-h">信息处理费</h2>
      <dl class="facts">
        <dt>应缴金额</dt>
        <dd data-fee-amount={notice.amount}>{notice.amount} 元</dd>
        {notice.fee ? (
          <>
            <dt>收费依据</dt>
            <dd>{feeBasis(notice.fee)}</dd>
            <dt>缴纳方式</dt>
            <dd>{notice.fee.payment}</dd>
          </>
        ) : null}
        <dt>缴费期限</dt>
        <dd>
          自收到收费通知次日起20个工作日内缴纳
          {lapse
            ? `（至${lapse.after}）`
            : p.state.feeDeliveredOn
              ? ''
              : '（自收到通知之日起计算）'}
          ；逾期未缴纳的，视为放弃申请。缴费时间不计入答复期限。
        </dd>
        <dt>缴费状态</dt>
        <dd data-fee-paid={p.state.feeOpen ? 'no' : 'yes'}>
          {p.state.feeOpen ? '未缴纳' : `已缴纳${paid ? `（${paid.on}）` : ''}`}
        </dd>
      </dl>
    </section>
  );
}
