import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { validityLabels } from '../../../catalog/categories.ts';
import { publicationDueStatus } from '../../../catalog/due.ts';
import type { PrivacyFinding } from '../../../catalog/privacy.ts';
import { contentFieldLabels } from '../../../catalog/publication/content.ts';
import { availableActions, confidentialityLabels } from '../../../catalog/review.ts';
import { loadCalendar } from '../../../db/calendar.ts';
import {
  allowsConsecutiveSteps,
  getReviewChain,
  listCategories,
} from '../../../db/catalogCategories.ts';
import { type AttachmentMeta, listAttachments } from '../../../db/publications/attachments.ts';
import {
  changesSinceLastReview,
  listEvents,
  type Publication,
  publicationState,
} from '../../../db/publications/read.ts';
import { findUserById } from '../../../db/users.ts';
import { todayInChina } from '../../../law/date.ts';
import type { AppEnv } from '../../env.ts';
import { CsrfField } from '../../views/csrfField.tsx';
import { Alert } from '../../views/formFields.tsx';
import { Layout } from '../../views/layout.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { beijingDateTime } from '../../views/time.ts';
import { accountBox } from '../accountBox.tsx';
import { BodyText, ChangesSinceReviewSection } from './changes.tsx';
import { actorOf, catalogBase, catalogCrumbs, Findings, statusLabels } from './common.tsx';
import { ATTACHMENT_ACCEPT } from './uploads.ts';

const eventLabels: Record<string, string> = {
  created: '新建',
  edited: '修改',
  revised: '修改已发布信息（新版本）',
  submitted: '提交审核',
  approved: '审核通过',
  rejected: '退回',
  published: '发布',
  withdrawn: '撤回',
  'confidentiality-review': '保密审查',
  'privacy-override': '隐私检查放行',
  'attachment-added': '上传附件',
  'attachment-removed': '删除附件',
  'attachment-titled': '修改附件标题',
  'attachment-cleaned': '以清理后的副本替换附件',
  'validity-changed': '有效性变更',
  imported: '导入',
};

/** The staff page of one item: metadata, checks, attachments, the actions open to this user, the trail. */
export async function detailPage(
  c: Context<AppEnv>,
  item: Publication,
  message?: { error?: string; notice?: string },
) {
  const db = c.get('database').db;
  const agency = c.get('agency');
  const csrf = c.get('csrfToken');
  const base = `${catalogBase(agency)}/${item.id}`;
  const state = await publicationState(db, agency.id, item.id);
  // An item in review follows the chain it was submitted under.
  const chain = item.status === 'review' ? state.chain : await getReviewChain(db, agency.id);
  const actor = actorOf(c);
  const can = availableActions(
    { status: item.status, step: item.step, authorId: item.authorId },
    {
      chain,
      actor,
      previousStepBy: item.status === 'review' ? state.previousStepBy : null,
      allowConsecutiveSteps: await allowsConsecutiveSteps(db, agency.id),
    },
  );
  const categoryList = await listCategories(db, agency.id);
  const categoryNames = new Map(categoryList.map((x) => [x.id, x.name]));
  const category = categoryList.find((x) => x.id === item.categoryId);
  const files = await listAttachments(db, item.id);
  const events = await listEvents(db, item.id);
  const review = state.confidentiality;
  const changes = item.status === 'review' ? await changesSinceLastReview(db, item.id) : null;
  const due = publicationDueStatus(await loadCalendar(db), item, todayInChina());
  const findings = (item.privacyFindings ?? []) as PrivacyFinding[];
  const names = new Map<number, string>();
  for (const e of events)
    if (e.userId && !names.has(e.userId))
      names.set(e.userId, (await findUserById(db, e.userId))?.displayName ?? `#${e.userId}`);
  const isOffice = actor.roles.includes('office');
  const isReviewer = actor.roles.some((r) => r === 'reviewer' || r === 'office');
  const isDrafterStep = item.status === 'draft' && actor.roles.includes(chain[0].role);
  const stepLabel =
    item.status === 'review' ? `待“${chain[item.step]?.label}”` : statusLabels[item.status];

  return c.html(
    <Layout
      title={item.title}
      agency={agency}
      breadcrumb={catalogCrumbs(agency, { label: item.title })}
      account={accountBox(c)}
    >
      <h1>{item.title}</h1>
      <Alert message={message?.error} />
      <Alert message={message?.notice} kind="notice" />
      <p>
        状态：<strong class={`status status-${item.status}`}>{stepLabel}</strong>　版本{' '}
        {item.version}
        {can.edit ? (
          <>
            {'　'}
            <a href={`${base}/edit`}>修改</a>
          </>
        ) : null}
      </p>
      <ol class="chain" aria-label="审核流程">
        {chain.map((s, i) => (
          <li
            class={
              item.status === 'published' || (item.status === 'review' && i < item.step)
                ? 'done'
                : item.status === 'review' && i === item.step
                  ? 'current'
                  : ''
            }
          >
            {s.label}
          </li>
        ))}
      </ol>
      <table class="meta">
        <caption>信息属性</caption>
        <tbody>
          {(
            [
              ['索引号', item.indexNumber ?? '发布时生成'],
              ['信息分类', category?.name],
              ['文号', item.docNumber ?? '—'],
              ['成文日期', item.madeOn],
              ['发布日期', item.publishedOn ?? '—'],
              ['发布机构', item.issuer],
              ['主题分类', item.topic ?? '—'],
              ['关键词', item.keywords ?? '—'],
              ['有效性', validityLabels[item.validity]],
            ] as const
          ).map(([label, value]) => (
            <tr>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">公开期限（第二十六条）</th>
            <td>
              {due.due}
              {due.late ? <strong class="late">　已超期</strong> : null}
              <details>
                <summary>计算过程</summary>
                <ol>
                  {due.trace.map((line) => (
                    <li>{line}</li>
                  ))}
                </ol>
              </details>
            </td>
          </tr>
        </tbody>
      </table>
      {item.summary ? <p class="muted">内容概述：{item.summary}</p> : null}
      {changes ? <ChangesSinceReviewSection changes={changes} categories={categoryNames} /> : null}
      <section aria-labelledby="body-h">
        <h2 id="body-h">正文</h2>
        <BodyText body={item.body} />
      </section>

      <section aria-labelledby="privacy-h">
        <h2 id="privacy-h">隐私检查</h2>
        {findings.length === 0 ? (
          <p class="ok">未发现身份证号、手机号、银行卡号、个人信用代码或隐藏内容。</p>
        ) : (
          <>
            <p class="alert" role="alert">
              发现{findings.length}处可能的个人信息或隐藏内容
              {item.privacyOverride ? '，已由办公室放行' : '，修改前不能提交或发布'}：
            </p>
            <Findings findings={findings} />
            {item.privacyOverride ? <p>放行理由：{item.privacyOverride.reason}</p> : null}
            {isOffice && !item.privacyOverride && item.status !== 'published' ? (
              <form method="post" action={`${base}/override`} class="form">
                <CsrfField token={csrf} />
                <label for="override-reason">放行理由（办公室）</label>
                <input id="override-reason" name="reason" required minlength={4} />
                <button type="submit">记录理由并放行</button>
              </form>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="files-h">
        <h2 id="files-h">附件</h2>
        {files.length === 0 ? <p class="muted">无附件。</p> : null}
        <ul>
          {files.map((f) => (
            <li>
              {f.title ? <strong>{f.title}</strong> : null}{' '}
              <a href={`${base}/attachments/${f.id}`}>{f.filename}</a>（{Math.ceil(f.size / 1024)}{' '}
              KB）
              <AttachmentScanStatus
                file={f}
                cleanAction={isDrafterStep ? `${base}/attachments/${f.id}/clean` : null}
                csrf={csrf}
              />
              {isDrafterStep ? (
                <form method="post" action={`${base}/attachments/${f.id}/title`} class="inline">
                  <CsrfField token={csrf} />
                  <label for={`attachment-title-${f.id}`}>显示标题</label>{' '}
                  <input
                    id={`attachment-title-${f.id}`}
                    name="title"
                    value={f.title ?? ''}
                    maxlength={100}
                    placeholder="门户显示的附件名称，空则显示文件名"
                  />{' '}
                  <button type="submit">保存标题</button>
                </form>
              ) : null}
              {isDrafterStep ? (
                <form method="post" action={`${base}/attachments/${f.id}/remove`} class="inline">
                  <CsrfField token={csrf} />
                  <button type="submit" aria-label={`删除附件 ${f.filename}`}>
                    删除
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
        {isDrafterStep ? (
          <form
            method="post"
            action={`${base}/attachments`}
            enctype="multipart/form-data"
            class="form"
          >
            <CsrfField token={csrf} />
            <label for="attachment-file">上传附件（PDF、docx、xlsx、图片，不超过20 MB）</label>
            <input
              id="attachment-file"
              type="file"
              name="file"
              required
              accept={ATTACHMENT_ACCEPT}
            />
            <button type="submit">上传</button>
          </form>
        ) : null}
      </section>

      {item.status === 'review' ? (
        <section aria-labelledby="secret-h">
          <h2 id="secret-h">保密审查</h2>
          {review ? (
            <p>结论：{confidentialityLabels[review.conclusion]}</p>
          ) : (
            <p class="muted">尚未进行保密审查；发布前必须完成。</p>
          )}
          {isReviewer ? (
            <form method="post" action={`${base}/confidentiality`} class="form">
              <CsrfField token={csrf} />
              <fieldset>
                <legend>审查结论</legend>
                {(['public', 'secret', 'refer'] as const).map((k) => (
                  <label class="check">
                    <input type="radio" name="conclusion" value={k} required />{' '}
                    {confidentialityLabels[k]}
                  </label>
                ))}
              </fieldset>
              <label for="secret-note">审查意见</label>
              <input id="secret-note" name="note" />
              <button type="submit">记录保密审查</button>
            </form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="actions-h">
        <h2 id="actions-h">办理</h2>
        {can.submit ? (
          <form method="post" action={`${base}/submit`} class="inline">
            <CsrfField token={csrf} />
            <button type="submit">提交审核</button>
          </form>
        ) : null}
        {can.approve ? (
          <StepForm action={`${base}/approve`} class="inline" csrf={csrf} step={item.step}>
            <button type="submit">
              {item.step === chain.length - 1 ? '发布' : `${chain[item.step].label}通过`}
            </button>
          </StepForm>
        ) : null}
        {can.reject ? (
          <StepForm action={`${base}/reject`} class="form" csrf={csrf} step={item.step}>
            <label for="reject-comment">退回意见</label>
            <input id="reject-comment" name="comment" required />
            <button type="submit">退回拟稿人</button>
          </StepForm>
        ) : null}
        {can.withdraw ? (
          <form method="post" action={`${base}/withdraw`} class="form">
            <CsrfField token={csrf} />
            <label for="withdraw-reason">撤回理由</label>
            <input id="withdraw-reason" name="reason" required />
            <button type="submit">撤回（从门户下线，记录保留）</button>
          </form>
        ) : null}
        {(isOffice || actor.roles.includes('admin')) &&
        (item.status === 'published' || item.status === 'withdrawn') ? (
          <form method="post" action={`${base}/validity`} class="form">
            <CsrfField token={csrf} />
            <label for="validity">有效性变更</label>
            <select id="validity" name="validity">
              {Object.entries(validityLabels).map(([k, v]) => (
                <option value={k} selected={k === item.validity}>
                  {v}
                </option>
              ))}
            </select>
            <label for="validity-since">生效日期</label>
            <input id="validity-since" name="since" type="date" required />
            <label for="validity-note">说明</label>
            <input id="validity-note" name="note" />
            <button type="submit">记录有效性变更</button>
          </form>
        ) : null}
        {!can.submit && !can.approve && !can.reject && !can.withdraw ? (
          <p class="muted">当前没有需要您办理的步骤。</p>
        ) : null}
      </section>

      <section aria-labelledby="trail-h">
        <h2 id="trail-h">办理记录</h2>
        <table>
          <TableHead columns={['时间', '人员', '操作', '说明']} />
          <tbody>
            {events.map((e) => (
              <tr>
                <td>{beijingDateTime(e.at)}</td>
                <td>{e.userId ? names.get(e.userId) : '系统'}</td>
                <td>
                  {eventLabels[e.kind] ?? e.kind}
                  {e.step !== null && chain[e.step] ? `（${chain[e.step].label}）` : ''}
                </td>
                <td>{describe(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <a href={`${base}/versions`}>历史稿本（每次修改的内容）</a>
        </p>
      </section>
    </Layout>,
    message?.error ? 422 : 200,
  );
}

/** A review decision names the step it was taken on, so a stale page cannot decide a later step. */
function StepForm(props: {
  action: string;
  class: string;
  csrf: string;
  step: number;
  children: Child;
}) {
  return (
    <form method="post" action={props.action} class={props.class}>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="step" value={String(props.step)} />
      {props.children}
    </form>
  );
}

function describe(details: Record<string, unknown> | null): string {
  if (!details) return '';
  const parts: string[] = [];
  if (details.comment) parts.push(`意见：${details.comment}`);
  if (details.reason) parts.push(`理由：${details.reason}`);
  if (details.conclusion)
    parts.push(confidentialityLabels[details.conclusion as 'public'] ?? String(details.conclusion));
  if (details.indexNumber) parts.push(`索引号 ${details.indexNumber}`);
  if (details.filename) parts.push(String(details.filename));
  if (typeof details.title === 'string' && details.attachmentId)
    parts.push(details.title ? `附件标题“${details.title}”` : '附件标题改回文件名');
  const attachment = details.attachment as { filename?: string } | undefined;
  if (attachment?.filename) parts.push(attachment.filename);
  const changes = details.changes as Record<string, unknown> | undefined;
  if (changes) {
    const fields = Object.keys(changes).map((k) => contentFieldLabels[k as 'title'] ?? k);
    parts.push(fields.length ? `修改了${fields.join('、')}` : '内容未变');
  }
  if (details.validity)
    parts.push(`${validityLabels[details.validity as 'valid']}，自${details.since}`);
  return parts.join('；');
}

/** One attachment's privacy scan: clean, or blocked with the offer of a cleaned copy (docx/xlsx). */
function AttachmentScanStatus(props: {
  file: AttachmentMeta;
  cleanAction: string | null;
  csrf: string;
}) {
  const findings = (props.file.hidden ?? []) as PrivacyFinding[];
  if (findings.length === 0) return <span class="ok"> 隐私检查通过</span>;
  const cleanable =
    /(wordprocessingml|spreadsheetml)/.test(props.file.mediaType) &&
    !findings.some((f) => f.kind === 'unreadable');
  return (
    <>
      <span class="field-error">
        {' '}
        {findings.some((f) => f.kind === 'unreadable')
          ? '无法完整读取，未经办公室放行不能发布'
          : `隐私检查发现${findings.length}处问题`}
      </span>
      {props.cleanAction && cleanable ? (
        <form method="post" action={props.cleanAction} class="inline">
          <CsrfField token={props.csrf} />
          <button type="submit" aria-label={`生成并使用 ${props.file.filename} 的清理后副本`}>
            生成清理后的副本（删除文档属性、批注、修订痕迹和隐藏文字）
          </button>
        </form>
      ) : null}
    </>
  );
}
