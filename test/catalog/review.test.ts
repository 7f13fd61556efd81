import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyReviewAction,
  availableActions,
  type ReviewContext,
  type ReviewState,
} from '../../src/catalog/review.ts';
import { defaultReviewChain, validateReviewChain } from '../../src/catalog/reviewChain.ts';
import type { Role } from '../../src/db/schema.ts';

const ctx = (userId: number, roles: Role[], extra: Partial<ReviewContext> = {}): ReviewContext => ({
  chain: defaultReviewChain,
  actor: { userId, roles },
  confidentiality: 'public',
  privacyBlocked: false,
  previousStepBy: null,
  allowConsecutiveSteps: false,
  ...extra,
});
const draft: ReviewState = { status: 'draft', step: 0, authorId: 1 };

describe('review chain transitions', () => {
  test('the default chain runs drafter → reviewer → office → office publish', () => {
    let s = applyReviewAction(draft, { type: 'submit' }, ctx(1, ['drafter'])).state;
    assert.deepEqual(s, { status: 'review', step: 1, authorId: 1 });
    s = applyReviewAction(s, { type: 'approve', step: 1 }, ctx(2, ['reviewer'])).state;
    s = applyReviewAction(s, { type: 'approve', step: 2 }, ctx(3, ['office'])).state;
    assert.equal(s.step, 3);
    const last = applyReviewAction(s, { type: 'approve', step: 3 }, ctx(3, ['office']));
    assert.equal(last.state.status, 'published');
    assert.equal(last.event.kind, 'published');
  });

  test('each role may only do its own step', () => {
    const s: ReviewState = { status: 'review', step: 1, authorId: 1 };
    assert.throws(() => applyReviewAction(s, { type: 'approve', step: 1 }, ctx(3, ['office'])), {
      code: 'catalog.review.role',
    });
    assert.throws(() => applyReviewAction(draft, { type: 'submit' }, ctx(2, ['reviewer'])), {
      code: 'catalog.review.role',
    });
  });

  test('skipping or repeating a step is refused', () => {
    const s: ReviewState = { status: 'review', step: 1, authorId: 1 };
    assert.throws(
      () => applyReviewAction(s, { type: 'approve', step: 2 }, ctx(3, ['office', 'reviewer'])),
      { code: 'catalog.review.out-of-turn' },
    );
    assert.throws(() => applyReviewAction(s, { type: 'approve', step: 0 }, ctx(3, ['drafter'])), {
      code: 'catalog.review.out-of-turn',
    });
    assert.throws(
      () => applyReviewAction(draft, { type: 'approve', step: 0 }, ctx(3, ['drafter'])),
      { code: 'catalog.review.not-in-review' },
    );
  });

  test('approving one’s own draft is refused even with the right role', () => {
    const s: ReviewState = { status: 'review', step: 1, authorId: 7 };
    assert.throws(
      () => applyReviewAction(s, { type: 'approve', step: 1 }, ctx(7, ['drafter', 'reviewer'])),
      { code: 'catalog.review.self' },
    );
    assert.equal(availableActions(s, ctx(7, ['drafter', 'reviewer'])).approve, false);
    assert.equal(availableActions(s, ctx(8, ['reviewer'])).approve, true);
  });

  test('the last step needs a favourable 保密审查 and a clear (or overridden) privacy scan', () => {
    const s: ReviewState = { status: 'review', step: 3, authorId: 1 };
    assert.throws(
      () =>
        applyReviewAction(
          s,
          { type: 'approve', step: 3 },
          ctx(3, ['office'], { confidentiality: null }),
        ),
      { code: 'catalog.review.confidentiality' },
    );
    assert.throws(
      () =>
        applyReviewAction(
          s,
          { type: 'approve', step: 3 },
          ctx(3, ['office'], { confidentiality: 'refer' }),
        ),
      { code: 'catalog.review.confidentiality-negative' },
    );
    assert.throws(
      () =>
        applyReviewAction(
          s,
          { type: 'approve', step: 3 },
          ctx(3, ['office'], { privacyBlocked: true }),
        ),
      { code: 'catalog.review.privacy' },
    );
    // an earlier step does not need them yet
    const early: ReviewState = { status: 'review', step: 1, authorId: 1 };
    assert.equal(
      applyReviewAction(
        early,
        { type: 'approve', step: 1 },
        ctx(2, ['reviewer'], { confidentiality: null }),
      ).state.step,
      2,
    );
  });

  test('submitting with privacy findings is refused', () => {
    assert.throws(
      () =>
        applyReviewAction(draft, { type: 'submit' }, ctx(1, ['drafter'], { privacyBlocked: true })),
      { code: 'catalog.review.privacy' },
    );
  });

  test('reject needs a comment and returns the item to the drafter', () => {
    const s: ReviewState = { status: 'review', step: 2, authorId: 1 };
    assert.throws(
      () => applyReviewAction(s, { type: 'reject', step: 2, comment: ' ' }, ctx(3, ['office'])),
      { code: 'catalog.review.comment' },
    );
    const out = applyReviewAction(
      s,
      { type: 'reject', step: 2, comment: '标题有误' },
      ctx(3, ['office']),
    );
    assert.deepEqual(out.state, { status: 'draft', step: 0, authorId: 1 });
    assert.equal(out.event.details.comment, '标题有误');
  });

  test('withdraw: only published items, only the publishing role, with a reason', () => {
    const pub: ReviewState = { status: 'published', step: 3, authorId: 1 };
    assert.throws(
      () => applyReviewAction(pub, { type: 'withdraw', reason: '错误' }, ctx(2, ['reviewer'])),
      { code: 'catalog.review.role' },
    );
    assert.throws(
      () => applyReviewAction(pub, { type: 'withdraw', reason: '' }, ctx(3, ['office'])),
      { code: 'catalog.review.reason' },
    );
    assert.equal(
      applyReviewAction(pub, { type: 'withdraw', reason: '内容已过时' }, ctx(3, ['office'])).state
        .status,
      'withdrawn',
    );
    assert.throws(
      () => applyReviewAction(draft, { type: 'withdraw', reason: 'x' }, ctx(3, ['office'])),
      { code: 'catalog.review.not-published' },
    );
  });

  test('a configured chain must start with the drafter and end with office or admin', () => {
    assert.throws(
      () =>
        validateReviewChain([
          { label: '审核', role: 'reviewer' },
          { label: '发布', role: 'office' },
        ]),
      { code: 'catalog.chain.first' },
    );
    assert.throws(
      () =>
        validateReviewChain([
          { label: '拟稿', role: 'drafter' },
          { label: '审核', role: 'reviewer' },
        ]),
      { code: 'catalog.chain.last' },
    );
    const two = validateReviewChain([
      { label: '拟稿', role: 'drafter' },
      { label: '发布', role: 'office' },
    ]);
    const s = applyReviewAction(
      draft,
      { type: 'submit' },
      { ...ctx(1, ['drafter']), chain: two },
    ).state;
    assert.equal(
      applyReviewAction(s, { type: 'approve', step: 1 }, { ...ctx(3, ['office']), chain: two })
        .state.status,
      'published',
    );
  });
});

describe('separation of duties', () => {
  const atStep = (step: number): ReviewState => ({ status: 'review', step, authorId: 1 });

  test('one account may not clear two consecutive steps (办公室负责人审核 then 办公室发布)', () => {
    assert.throws(
      () =>
        applyReviewAction(
          atStep(3),
          { type: 'approve', step: 3 },
          ctx(3, ['office'], { previousStepBy: 3 }),
        ),
      {
        code: 'catalog.review.consecutive',
        message: /您已办理上一步“办公室负责人审核”.*请由其他人员办理“办公室发布”/,
      },
    );
    assert.equal(
      availableActions(atStep(3), ctx(3, ['office'], { previousStepBy: 3 })).approve,
      false,
    );
    const other = applyReviewAction(
      atStep(3),
      { type: 'approve', step: 3 },
      ctx(4, ['office'], { previousStepBy: 3 }),
    );
    assert.equal(other.state.status, 'published');
    assert.equal(other.consecutive, false);
  });

  test('the same account may still return the item (退回 is not clearing a step)', () => {
    const out = applyReviewAction(
      atStep(3),
      { type: 'reject', step: 3, comment: '请补充附件' },
      ctx(3, ['office'], { previousStepBy: 3 }),
    );
    assert.equal(out.state.status, 'draft');
  });

  test('the agency setting allows it, and the outcome says so for the audit', () => {
    const allowed = ctx(3, ['office'], { previousStepBy: 3, allowConsecutiveSteps: true });
    assert.equal(availableActions(atStep(3), allowed).approve, true);
    const out = applyReviewAction(atStep(3), { type: 'approve', step: 3 }, allowed);
    assert.equal(out.state.status, 'published');
    assert.equal(out.consecutive, true);
  });
});
