import type { Validity } from '../categories.ts';
import type { PrivacyFinding } from '../privacy.ts';
import type { ConfidentialityConclusion, PublicationStatus } from '../review.ts';
import type { ReviewChain } from '../reviewChain.ts';
import type { PublicationContent } from './content.ts';
import type { AttachmentRef } from './events.ts';

/** A publication as its log makes it (`derive`); the `publications` row is its projection. */
export interface PublicationState {
  status: PublicationStatus;
  /** Index of the review step that acts next (0 = the drafter). */
  step: number;
  /** Whoever wrote the current draft: may not approve it. */
  authorId: number | null;
  content: PublicationContent;
  /** The published revision: 1, then +1 for each edit of the published item. */
  revision: number;
  /** The review chain of the current round (fixed when it was submitted). */
  chain: ReviewChain;
  indexNumber: string | null;
  legacyIndex: boolean;
  publishedOn: string | null;
  /** The day the published information last changed (Art. 26 clock restarts). */
  changedOn: string | null;
  withdrawnReason: string | null;
  attachments: AttachmentRef[];
  /** The privacy scan of the title, 内容概述, 正文 and every attachment. Empty = clean. */
  findings: PrivacyFinding[];
  /** The office's release of the current findings; any change of content or files clears it. */
  override: { reason: string; userId: number | null; on: string } | null;
  /** The 保密审查 conclusion recorded for the current revision. */
  confidentiality: { conclusion: ConfidentialityConclusion; by: number | null } | null;
  /** Who cleared the step before `step` in this round (separation of duties). */
  previousStepBy: number | null;
  /** The last event cleared two consecutive steps by one account, as the agency allows. */
  consecutive: boolean;
  /** 有效性 changes in the order they take effect. */
  validityHistory: { validity: Validity; since: string }[];
  /** 有效性 on the context's day. */
  validity: Validity;
}
