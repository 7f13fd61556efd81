import { z } from 'zod';
import { GongkaiError } from '../errors.ts';
import type { Role } from '../law/roles.ts';

/** One step of the review chain and the role that performs it. Step 0 is the drafter's. */
export interface ReviewStep {
  label: string;
  role: Role;
}

export type ReviewChain = readonly ReviewStep[];

/** The seed agency's chain: 股室拟稿 → 分管领导审核 → 办公室负责人审核 → 办公室发布. */
export const defaultReviewChain: ReviewChain = [
  { label: '股室拟稿', role: 'drafter' },
  { label: '分管领导审核', role: 'reviewer' },
  { label: '办公室负责人审核', role: 'office' },
  { label: '办公室发布', role: 'office' },
];

const reviewRoles = ['drafter', 'reviewer', 'office', 'admin'] as const;

export const reviewChainSchema = z
  .array(
    z.object({
      label: z.string().trim().min(1, '请填写步骤名称').max(30, '步骤名称不超过30字'),
      role: z.enum(reviewRoles, { message: '请选择承办角色' }),
    }),
  )
  .min(2, '审核流程至少包括拟稿和发布两步')
  .max(8, '审核流程不超过8步');

/** Validates a configured chain: it starts with the drafter and ends with an office/admin step. */
export function validateReviewChain(steps: unknown): ReviewChain {
  const parsed = reviewChainSchema.safeParse(steps);
  if (!parsed.success) {
    throw new GongkaiError(
      'catalog.chain.invalid',
      parsed.error.issues[0]?.message ?? '审核流程无效',
    );
  }
  const chain = parsed.data;
  if (chain[0].role !== 'drafter') {
    throw new GongkaiError('catalog.chain.first', '审核流程的第一步应为拟稿（拟稿人）。');
  }
  const last = chain[chain.length - 1].role;
  if (last !== 'office' && last !== 'admin') {
    throw new GongkaiError(
      'catalog.chain.last',
      '审核流程的最后一步（发布）应由办公室或管理员承办。',
    );
  }
  return chain;
}

/**
 * Whether items already in review can carry on under `after`: they hold only the index of their
 * next step, so the chain may change while they wait only if every step keeps its place and role
 * (renaming a step is fine; adding, removing, reordering or re-assigning one is not).
 */
export function keepsStepsInPlace(before: ReviewChain, after: ReviewChain): boolean {
  return before.length === after.length && before.every((s, i) => s.role === after[i].role);
}
