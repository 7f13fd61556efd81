import type { Validity } from '../categories.ts';
import type { PrivacyFinding } from '../privacy.ts';
import type { ConfidentialityConclusion } from '../review.ts';
import type { ReviewChain } from '../reviewChain.ts';
import type { PublicationContent } from './content.ts';

/**
 * A publication's events. Each carries the facts it was decided on — who acted with which roles,
 * the review chain of the round, the agency's separation-of-duties setting — so the log replays
 * the same way after the settings change. `by` is null for migrated and imported history.
 */
interface Acted {
  by: number | null;
  roles: readonly string[];
  /** The day it happened (China time). */
  on: string;
}

/** An attachment as the log knows it: its scan findings decide whether it blocks publishing. */
export interface AttachmentRef {
  id: number;
  filename: string;
  findings: PrivacyFinding[];
  /** The display title shown on the portal instead of the file name (`attachment-titled`). */
  title?: string;
}

export type PublicationEvent =
  | (Acted & {
      type: 'created';
      content: PublicationContent;
      chain: ReviewChain;
    })
  /** A draft edit: only the fields that changed. */
  | (Acted & { type: 'edited'; changes: Partial<PublicationContent> })
  | (Acted & { type: 'attachment-added'; attachment: AttachmentRef; size: number })
  | (Acted & { type: 'attachment-removed'; attachmentId: number })
  /** The drafter names a file for readers; an empty title goes back to the file name. */
  | (Acted & { type: 'attachment-titled'; attachmentId: number; title: string })
  | (Acted & {
      type: 'attachment-cleaned';
      attachment: AttachmentRef;
      replaces: number;
      parts: string[];
    })
  | (Acted & { type: 'privacy-override'; reason: string; findings: number })
  | (Acted & { type: 'submitted'; step: 0; chain: ReviewChain })
  | (Acted & {
      type: 'confidentiality-review';
      conclusion: ConfidentialityConclusion;
      note: string | null;
    })
  | (Acted & { type: 'approved'; step: number; consecutiveAllowed: boolean })
  | (Acted & { type: 'rejected'; step: number; comment: string })
  /** The last step's approval: the 索引号 is allocated by the repository, the rule is derive's. */
  | (Acted & {
      type: 'published';
      step: number;
      consecutiveAllowed: boolean;
      indexNumber: string | null;
    })
  /** An edit of a published item: a new revision, 保密审查 done with it, the Art. 26 clock restarts. */
  | (Acted & {
      type: 'revised';
      changes: Partial<PublicationContent>;
      changedOn: string;
      confidentiality: ConfidentialityConclusion;
    })
  | (Acted & { type: 'withdrawn'; reason: string })
  /** 有效性 from `since` (which may lie in the future: a repeal dated ahead). */
  | (Acted & { type: 'validity-changed'; validity: Validity; since: string; note: string | null })
  /**
   * An already-published item brought in (legacy import, the annual report, migration 0022):
   * its content, 索引号 and state as they stood.
   */
  | (Acted & {
      type: 'imported';
      content: PublicationContent;
      chain: ReviewChain;
      indexNumber: string | null;
      legacyIndex: boolean;
      publishedOn: string | null;
      changedOn: string | null;
      revision: number;
      attachments: AttachmentRef[];
      status: 'draft' | 'review' | 'published' | 'withdrawn';
      step: number;
      authorId: number | null;
      withdrawnReason: string | null;
    });

export type PublicationEventType = PublicationEvent['type'];
