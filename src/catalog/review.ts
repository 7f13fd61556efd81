import { type ErrorCode, GongkaiError, type MessageParams } from '../errors.ts';
import type { Role } from '../law/roles.ts';
import type { ReviewChain } from './reviewChain.ts';

export type PublicationStatus = 'draft' | 'review' | 'published' | 'withdrawn';

/** Where a publication stands in its review chain. */
export interface ReviewState {
  status: PublicationStatus;
  /** Index of the step that acts next; 0 = the drafter. */
  step: number;
  /** Whoever wrote the current version: may not approve it. */
  authorId: number | null;
}

export type ConfidentialityConclusion = 'public' | 'secret' | 'refer';

export type ReviewAction =
  | { type: 'submit' }
  | { type: 'approve'; step: number }
  | { type: 'reject'; step: number; comment: string }
  | { type: 'withdraw'; reason: string };

export interface ReviewContext {
  chain: ReviewChain;
  actor: { userId: number; roles: readonly Role[] };
  /** The 保密审查 conclusion recorded for the current version, if any. */
  confidentiality: ConfidentialityConclusion | null;
  /** The privacy scan has findings that are neither fixed nor overridden. */
  privacyBlocked: boolean;
  /** Who cleared the step before the current one in this round (the submitter for step 1). */
  previousStepBy: number | null;
  /** The agency allows one account to clear two consecutive steps (separation of duties off). */
  allowConsecutiveSteps: boolean;
}

export interface ReviewOutcome {
  state: ReviewState;
  event: {
    kind: 'submitted' | 'approved' | 'published' | 'rejected' | 'withdrawn';
    step: number;
    details: Record<string, unknown>;
  };
  /** The actor also cleared the previous step, as the agency's setting allows: to be audited. */
  consecutive: boolean;
}

export const confidentialityLabels: Record<ConfidentialityConclusion, string> = {
  public: '不涉及国家秘密等不予公开的内容，可以公开',
  secret: '涉及国家秘密或其他不予公开的内容，不得公开',
  refer: '难以确定，报请有关主管部门或者保密行政管理部门确定',
};

/**
 * The review chain's transition function. It refuses anything out of turn: a role acting on
 * another role's step, a skipped or already-taken step, approving one's own draft, clearing the
 * step right after one's own (unless the agency allows it), the last step without a favourable
 * 保密审查 or with unresolved privacy findings.
 */
export function applyReviewAction(
  state: ReviewState,
  action: ReviewAction,
  ctx: ReviewContext,
): ReviewOutcome {
  switch (action.type) {
    case 'submit':
      return submit(state, ctx);
    case 'approve':
      return approve(state, action.step, ctx);
    case 'reject':
      return reject(state, action.step, action.comment, ctx);
    case 'withdraw':
      return withdraw(state, action.reason, ctx);
  }
}

function submit(state: ReviewState, ctx: ReviewContext): ReviewOutcome {
  if (state.status !== 'draft') refuse('catalog.review.not-draft', '只有草稿可以提交审核。');
  requireRole(ctx, 0);
  if (ctx.privacyBlocked) refuse('catalog.review.privacy', privacyMessage);
  return {
    state: { ...state, status: 'review', step: 1, authorId: state.authorId ?? ctx.actor.userId },
    event: { kind: 'submitted', step: 0, details: {} },
    consecutive: false,
  };
}

function approve(state: ReviewState, step: number, ctx: ReviewContext): ReviewOutcome {
  currentStep(state, step);
  requireRole(ctx, step);
  if (state.authorId === ctx.actor.userId) {
    refuse('catalog.review.self', '不能审核自己起草的信息，请由其他人员审核。');
  }
  const consecutive = ctx.previousStepBy === ctx.actor.userId;
  if (consecutive && !ctx.allowConsecutiveSteps) {
    refuse('catalog.review.consecutive', {
      previous: ctx.chain[step - 1]?.label ?? '',
      step: ctx.chain[step].label,
    });
  }
  const last = step === ctx.chain.length - 1;
  if (last) {
    if (ctx.confidentiality === null)
      refuse('catalog.review.confidentiality', '发布前须完成保密审查并记录结论。');
    if (ctx.confidentiality !== 'public')
      refuse('catalog.review.confidentiality-negative', {
        conclusion: confidentialityLabels[ctx.confidentiality],
      });
    if (ctx.privacyBlocked) refuse('catalog.review.privacy', privacyMessage);
    return {
      state: { ...state, status: 'published', step },
      event: { kind: 'published', step, details: { label: ctx.chain[step].label } },
      consecutive,
    };
  }
  return {
    state: { ...state, step: step + 1 },
    event: { kind: 'approved', step, details: { label: ctx.chain[step].label } },
    consecutive,
  };
}

function reject(
  state: ReviewState,
  step: number,
  comment: string,
  ctx: ReviewContext,
): ReviewOutcome {
  currentStep(state, step);
  requireRole(ctx, step);
  if (comment.trim() === '') refuse('catalog.review.comment', '退回时请填写退回意见。');
  return {
    state: { ...state, status: 'draft', step: 0 },
    event: {
      kind: 'rejected',
      step,
      details: { comment: comment.trim(), label: ctx.chain[step].label },
    },
    consecutive: false,
  };
}

function withdraw(state: ReviewState, reason: string, ctx: ReviewContext): ReviewOutcome {
  if (state.status !== 'published')
    refuse('catalog.review.not-published', '只有已发布的信息可以撤回。');
  requireRole(ctx, ctx.chain.length - 1);
  if (reason.trim() === '') refuse('catalog.review.reason', '撤回时请填写撤回理由。');
  return {
    state: { ...state, status: 'withdrawn' },
    event: { kind: 'withdrawn', step: state.step, details: { reason: reason.trim() } },
    consecutive: false,
  };
}

/** What the actor may do now (for showing buttons); the transition itself re-checks everything. */
export function availableActions(
  state: ReviewState,
  ctx: Pick<ReviewContext, 'chain' | 'actor' | 'previousStepBy' | 'allowConsecutiveSteps'>,
) {
  const has = (step: number) => ctx.actor.roles.includes(ctx.chain[step]?.role as Role);
  const own = state.authorId === ctx.actor.userId;
  const consecutive = ctx.previousStepBy === ctx.actor.userId && !ctx.allowConsecutiveSteps;
  return {
    submit: state.status === 'draft' && has(0),
    approve: state.status === 'review' && has(state.step) && !own && !consecutive,
    reject: state.status === 'review' && has(state.step),
    withdraw: state.status === 'published' && has(ctx.chain.length - 1),
    edit:
      (state.status === 'draft' && has(0)) ||
      (state.status === 'published' && has(ctx.chain.length - 1)),
  };
}

const privacyMessage =
  '隐私检查发现可能的个人信息或隐藏内容，请修改后重新检查，或由办公室记录理由后放行。';

function currentStep(state: ReviewState, step: number) {
  if (state.status !== 'review') refuse('catalog.review.not-in-review', '该信息当前不在审核中。');
  if (step !== state.step)
    refuse('catalog.review.out-of-turn', '审核步骤不符：不能跳过或重复审核步骤，请刷新页面。');
}

function requireRole(ctx: ReviewContext, step: number) {
  const role = ctx.chain[step]?.role;
  if (!role || !ctx.actor.roles.includes(role)) {
    refuse('catalog.review.role', { step: ctx.chain[step]?.label ?? '该步骤' });
  }
}

function refuse(code: ErrorCode, message: string | MessageParams): never {
  throw new GongkaiError(code, message);
}
