/**
 * The publication decider: `derive(context, events)` folds the log into the state and refuses
 * (a GongkaiError) any event the rules do not allow — who may edit, the review chain and its
 * separation of duties (catalog/review.ts), 保密审查 and the privacy scan before publishing,
 * when a 索引号 is needed, 有效性 dates.
 */
import { type ErrorCode, GongkaiError, type MessageParams } from '../../errors.ts';
import type { Validity } from '../categories.ts';
import { type PrivacyFinding, scanText } from '../privacy.ts';
import { applyReviewAction, type ReviewAction, type ReviewContext } from '../review.ts';
import type { PublicationContent } from './content.ts';
import type { AttachmentRef, PublicationEvent } from './events.ts';
import type { PublicationState } from './state.ts';

export interface PublicationContext {
  /** Today in China: 有效性 is the one in effect on this day. */
  today: string;
}

export function derive(context: PublicationContext, events: readonly PublicationEvent[]) {
  const [first, ...rest] = events;
  if (!first || (first.type !== 'created' && first.type !== 'imported'))
    refuse('catalog.log.start', '信息记录须以新建或导入开始。');
  let state = start(first);
  for (const event of rest) state = apply(state, event);
  return { ...state, validity: validityOn(state.validityHistory, context.today) };
}

function start(event: PublicationEvent & { type: 'created' | 'imported' }): PublicationState {
  if (event.type === 'created') requireRoles(event, ['drafter'], '只有拟稿人可以新建信息。');
  const imported = event.type === 'imported' ? event : null;
  return withFindings({
    status: imported?.status ?? 'draft',
    step: imported?.step ?? 0,
    authorId: imported ? imported.authorId : event.by,
    content: event.content,
    revision: imported?.revision ?? 1,
    chain: event.chain,
    indexNumber: imported?.indexNumber ?? null,
    legacyIndex: imported?.legacyIndex ?? false,
    publishedOn: imported?.publishedOn ?? null,
    changedOn: imported?.changedOn ?? null,
    withdrawnReason: imported?.withdrawnReason ?? null,
    attachments: imported?.attachments ?? [],
    findings: [],
    override: null,
    confidentiality: null,
    previousStepBy: null,
    consecutive: false,
    validityHistory: [],
    validity: 'valid',
  });
}

function apply(s: PublicationState, e: PublicationEvent): PublicationState {
  const state = { ...s, consecutive: false };
  switch (e.type) {
    case 'created':
    case 'imported':
      return refuse('catalog.log.start', '信息已经存在。');
    case 'edited':
      requireDraftEditor(state, e);
      return changed({ ...state, authorId: e.by }, e.changes);
    case 'attachment-added':
      requireDraftEditor(state, e, '只能在草稿状态下增删附件。', '只有拟稿人可以增删附件。');
      return withFindings({
        ...state,
        attachments: [...state.attachments, e.attachment],
        override: null,
      });
    case 'attachment-removed':
      requireDraftEditor(state, e, '只能在草稿状态下增删附件。', '只有拟稿人可以增删附件。');
      return withFindings({
        ...state,
        attachments: without(state.attachments, e.attachmentId),
        override: null,
      });
    case 'attachment-titled':
      requireDraftEditor(
        state,
        e,
        '只能在草稿状态下修改附件标题。',
        '只有拟稿人可以修改附件标题。',
      );
      return withFindings({
        ...state,
        attachments: titled(state.attachments, e.attachmentId, e.title),
        override: null,
      });
    case 'attachment-cleaned':
      requireDraftEditor(state, e, '只能在草稿状态下增删附件。', '只有拟稿人可以增删附件。');
      return withFindings({
        ...state,
        attachments: [...without(state.attachments, e.replaces), e.attachment],
        override: null,
      });
    case 'privacy-override':
      return overridden(state, e);
    case 'confidentiality-review':
      requireRoles(e, ['reviewer', 'office'], '只有审核人员可以记录保密审查。');
      if (state.status !== 'review')
        refuse('catalog.confidentiality.state', '只能对审核中的信息进行保密审查。');
      return { ...state, confidentiality: { conclusion: e.conclusion, by: e.by } };
    case 'submitted':
      return review({ ...state, chain: e.chain }, e, { type: 'submit' }, false);
    case 'approved':
    case 'published':
      return approved(state, e);
    case 'rejected':
      return review(state, e, { type: 'reject', step: e.step, comment: e.comment }, false);
    case 'withdrawn':
      return {
        ...review(state, e, { type: 'withdraw', reason: e.reason }, false),
        withdrawnReason: e.reason.trim(),
      };
    case 'revised':
      return revised(state, e);
    case 'validity-changed':
      return validityChanged(state, e);
  }
}

/** Runs one review action through the chain's transition function with the facts of the event. */
function review(
  state: PublicationState,
  e: PublicationEvent & { by: number | null; roles: readonly string[] },
  action: ReviewAction,
  consecutiveAllowed: boolean,
): PublicationState {
  const ctx: ReviewContext = {
    chain: state.chain,
    actor: { userId: e.by ?? 0, roles: e.roles as ReviewContext['actor']['roles'] },
    confidentiality: state.confidentiality?.conclusion ?? null,
    privacyBlocked: privacyBlocked(state),
    previousStepBy: state.status === 'review' ? state.previousStepBy : null,
    allowConsecutiveSteps: consecutiveAllowed,
  };
  const outcome = applyReviewAction(
    { status: state.status, step: state.step, authorId: state.authorId },
    action,
    ctx,
  );
  return {
    ...state,
    ...outcome.state,
    previousStepBy: outcome.state.status === 'review' ? e.by : null,
    consecutive: outcome.consecutive,
  };
}

function approved(
  state: PublicationState,
  e: PublicationEvent & { type: 'approved' | 'published' },
): PublicationState {
  const last = e.step === state.chain.length - 1;
  if (state.status === 'review' && e.step === state.step && last !== (e.type === 'published'))
    refuse('catalog.review.out-of-turn', '审核步骤不符：不能跳过或重复审核步骤，请刷新页面。');
  const next = review(state, e, { type: 'approve', step: e.step }, e.consecutiveAllowed);
  if (e.type !== 'published') return next;
  if (!state.indexNumber && !e.indexNumber) refuse('catalog.index.missing', '发布时须编制索引号。');
  return {
    ...next,
    indexNumber: state.indexNumber ?? e.indexNumber,
    publishedOn: state.publishedOn ?? e.on,
    validityHistory: state.validityHistory.length
      ? state.validityHistory
      : [{ validity: 'valid', since: state.content.madeOn }],
  };
}

function overridden(
  state: PublicationState,
  e: PublicationEvent & { type: 'privacy-override' },
): PublicationState {
  requireRoles(e, ['office'], '只有办公室可以放行隐私检查。');
  if (e.by === null) return { ...state, override: { reason: e.reason, userId: null, on: e.on } };
  if (e.reason.trim().length < 4)
    refuse('catalog.override.reason', '请填写放行理由（至少4个字）。');
  if (state.findings.length === 0)
    refuse('catalog.override.nothing', '隐私检查未发现问题，无需放行。');
  return { ...state, override: { reason: e.reason.trim(), userId: e.by, on: e.on } };
}

function revised(state: PublicationState, e: PublicationEvent & { type: 'revised' }) {
  if (state.status !== 'published')
    refuse('catalog.edit.state', '审核中或已撤回的信息不能修改；审核中的信息请先退回。');
  const publisher = state.chain[state.chain.length - 1].role;
  requireRoles(e, [publisher], '已发布的信息只能由发布人员修改。');
  if (e.confidentiality !== 'public')
    refuse(
      'catalog.edit.confidentiality',
      '修改已发布的信息须同时完成保密审查（结论为可以公开）。',
    );
  const next = changed(state, e.changes);
  if (next.findings.length > 0)
    refuse('catalog.edit.privacy', {
      count: next.findings.length,
      excerpts: next.findings.map((f) => f.excerpt).join('；'),
    });
  return {
    ...next,
    revision: state.revision + 1,
    changedOn: e.changedOn,
    confidentiality: { conclusion: e.confidentiality, by: e.by },
  };
}

function validityChanged(
  state: PublicationState,
  e: PublicationEvent & { type: 'validity-changed' },
) {
  requireRoles(e, ['office', 'admin'], '只有办公室或管理员可以变更有效性。');
  if (e.by !== null && e.since < state.content.madeOn)
    refuse('catalog.validity.date', '有效性变更日期不能早于成文日期。');
  const base = state.validityHistory.length
    ? state.validityHistory
    : [{ validity: 'valid' as Validity, since: state.content.madeOn }];
  const history = [...base, { validity: e.validity, since: e.since }];
  // Stable: changes on the same day keep the order they were recorded in.
  history.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
  return { ...state, validityHistory: history };
}

/** 有效性 on `day`: the last change that has taken effect by then. */
export function validityOn(history: PublicationState['validityHistory'], day: string): Validity {
  return history.filter((h) => h.since <= day).at(-1)?.validity ?? 'valid';
}

/** Whether publishing would be blocked by findings the office has not released. */
export function privacyBlocked(state: PublicationState): boolean {
  return state.findings.length > 0 && !state.override;
}

/** The next approval of `step` publishes the item; the repository then allocates a 索引号 if none. */
export function publishesAt(state: PublicationState, step: number): boolean {
  return state.status === 'review' && step === state.step && step === state.chain.length - 1;
}

function changed(state: PublicationState, changes: Partial<PublicationContent>): PublicationState {
  return withFindings({ ...state, content: { ...state.content, ...changes }, override: null });
}

function requireDraftEditor(
  state: PublicationState,
  e: { by: number | null; roles: readonly string[] },
  stateMessage = '审核中或已撤回的信息不能修改；审核中的信息请先退回。',
  roleMessage = '只有拟稿人可以修改草稿。',
) {
  if (e.by === null) return;
  if (state.status !== 'draft')
    refuse(
      stateMessage.includes('附件') ? 'catalog.attachment.state' : 'catalog.edit.state',
      stateMessage,
    );
  requireRoles(e, [state.chain[0].role], roleMessage);
}

/** Events without an actor (`by` null) are the system's: imports, migrated history, generated files. */
function requireRoles(
  e: { by: number | null; roles: readonly string[] },
  allowed: readonly string[],
  message: string,
) {
  if (e.by === null) return;
  if (!e.roles.some((r) => allowed.includes(r))) refuse('catalog.role', message);
}

function withFindings(state: PublicationState): PublicationState {
  return { ...state, findings: findingsOf(state.content, state.attachments) };
}

/** The privacy scan of the content and the attachments' own scan results. */
export function findingsOf(
  content: PublicationContent,
  attachments: readonly AttachmentRef[],
): PrivacyFinding[] {
  return [
    ...scanText(content.title, '标题'),
    ...scanText(content.summary ?? '', '内容概述'),
    ...scanText(content.body, '正文'),
    ...attachments.flatMap((a) => [...a.findings, ...scanText(a.title ?? '', '附件标题')]),
  ];
}

function titled(attachments: AttachmentRef[], id: number, title: string): AttachmentRef[] {
  if (!attachments.some((a) => a.id === id)) refuse('catalog.attachment.missing', '附件不存在。');
  return attachments.map((a) => (a.id === id ? { ...a, title: title || undefined } : a));
}

function without(attachments: AttachmentRef[], id: number): AttachmentRef[] {
  if (!attachments.some((a) => a.id === id)) refuse('catalog.attachment.missing', '附件不存在。');
  return attachments.filter((a) => a.id !== id);
}

function refuse(code: ErrorCode, message: string | MessageParams): never {
  throw new GongkaiError(code, message);
}
