/** Repository of 主动公开 publications: drafting, attachments, privacy scan, review chain, versions. */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { cleanOfficeFile } from '../catalog/attachments/clean.ts';
import { detectAttachmentKind, mediaTypes } from '../catalog/attachments/fileType.ts';
import { isReleasable } from '../catalog/attachments/release.ts';
import { scanFile } from '../catalog/attachments/scan.ts';
import { bodyText } from '../catalog/body.ts';
import type { Validity } from '../catalog/categories.ts';
import { isAcceptableLegacyIndex, parseIndexNumber } from '../catalog/indexNumber.ts';
import { type PrivacyFinding, privacyKindLabels, scanText } from '../catalog/privacy.ts';
import {
  applyReviewAction,
  type ConfidentialityConclusion,
  type ReviewAction,
  type ReviewState,
} from '../catalog/review.ts';
import { searchGrams } from '../catalog/searchGrams.ts';
import { GongkaiError } from '../errors.ts';
import { todayInChina } from '../law/date.ts';
import { findAgencyById } from './agencies.ts';
import { audit } from './audit.ts';
import { allowsConsecutiveSteps, findCategoryById, getReviewChain } from './catalogCategories.ts';
import { issueIndexNumber } from './catalogIndex.ts';
import type { Db } from './database.ts';
import {
  confidentialityReviews,
  publicationAttachments,
  publicationColumns,
  publicationEvents,
  publications,
  publicationValidity,
  publicationVersions,
} from './schema/catalog.ts';
import type { Role } from './schema.ts';

export type Publication = Omit<typeof publications.$inferSelect, 'searchGrams'>;
export type PublicationEvent = typeof publicationEvents.$inferSelect;

/** Who acts, with their roles in the publication's agency. */
export interface Actor {
  userId: number;
  roles: readonly Role[];
  ip?: string | null;
}

/** The metadata and body staff type in. */
export interface PublicationInput {
  categoryId: number;
  title: string;
  docNumber?: string | null;
  madeOn: string;
  issuer: string;
  topic?: string | null;
  keywords?: string | null;
  summary?: string | null;
  body: string;
}

type Tx = Db;

export async function createPublication(
  db: Db,
  agencyId: number,
  input: PublicationInput,
  actor: Actor,
): Promise<Publication> {
  requireAnyRole(actor, ['drafter'], '只有拟稿人可以新建信息。');
  return db.transaction(async (tx) => {
    await requireCategory(tx as Tx, agencyId, input.categoryId);
    const [row] = await tx
      .insert(publications)
      .values({
        ...normalise(input),
        agencyId,
        authorId: actor.userId,
        ...searchColumns(input, []),
      })
      .returning({ id: publications.id, title: publications.title });
    await appendEvent(tx as Tx, row.id, actor, 'created', null, { title: row.title });
    await rescan(tx as Tx, row.id);
    await audit(
      tx as Tx,
      auditEntry(actor, agencyId, 'catalog.create', row.id, { title: row.title }),
    );
    return (await getPublication(tx as Tx, agencyId, row.id))!;
  });
}

/**
 * Edits a draft (the drafter), or a published item (the publishing role), which creates a new
 * version: the previous content is kept in publication_versions and the Art. 26 clock restarts.
 */
export async function updatePublication(
  db: Db,
  agencyId: number,
  id: number,
  input: PublicationInput,
  actor: Actor,
  options: { changedOn?: string; confidentiality?: ConfidentialityConclusion } = {},
): Promise<Publication> {
  return db.transaction(async (tx) => {
    const t = tx as Tx;
    const current = await lockPublication(t, agencyId, id);
    await requireCategory(t, agencyId, input.categoryId);
    const chain = await getReviewChain(t, agencyId);
    const values = normalise(input);
    if (current.status === 'draft') {
      requireAnyRole(actor, [chain[0].role], '只有拟稿人可以修改草稿。');
      await t
        .update(publications)
        .set({ ...values, authorId: actor.userId, privacyOverride: null, updatedAt: new Date() })
        .where(eq(publications.id, id));
      await appendEvent(t, id, actor, 'edited', 0, {});
    } else if (current.status === 'published') {
      requireAnyRole(actor, [chain[chain.length - 1].role], '已发布的信息只能由发布人员修改。');
      if (options.confidentiality !== 'public') {
        throw new GongkaiError(
          'catalog.edit.confidentiality',
          '修改已发布的信息须同时完成保密审查（结论为可以公开）。',
        );
      }
      await t.insert(publicationVersions).values({
        publicationId: id,
        version: current.version,
        snapshot: snapshotOf(current),
        userId: actor.userId,
      });
      const version = current.version + 1;
      await t
        .update(publications)
        .set({
          ...values,
          version,
          changedOn: options.changedOn ?? todayInChina(),
          privacyOverride: null,
          updatedAt: new Date(),
        })
        .where(eq(publications.id, id));
      await t.insert(confidentialityReviews).values({
        publicationId: id,
        version,
        reviewerId: actor.userId,
        conclusion: 'public',
        note: '修改已发布信息时审查',
      });
      await appendEvent(t, id, actor, 'revised', null, { version });
    } else {
      throw new GongkaiError(
        'catalog.edit.state',
        '审核中或已撤回的信息不能修改；审核中的信息请先退回。',
      );
    }
    await refreshSearchText(t, id);
    const findings = await rescan(t, id);
    if (current.status === 'published' && findings.length > 0) {
      throw new GongkaiError(
        'catalog.edit.privacy',
        `修改后的内容有${findings.length}处隐私检查问题，未保存。请先处理：${findings.map((f) => f.excerpt).join('；')}`,
      );
    }
    await audit(
      t,
      auditEntry(
        actor,
        agencyId,
        current.status === 'draft' ? 'catalog.edit' : 'catalog.revise',
        id,
        {},
      ),
    );
    return (await getPublication(t, agencyId, id))!;
  });
}

export async function getPublication(
  db: Db,
  agencyId: number,
  id: number,
): Promise<Publication | undefined> {
  const [row] = await db
    .select(publicationColumns)
    .from(publications)
    .where(and(eq(publications.agencyId, agencyId), eq(publications.id, id)));
  return row;
}

export interface PublicationListFilter {
  status?: Publication['status'];
  page?: number;
  pageSize?: number;
}

/** Staff list of the agency's items, newest first (metadata only). */
export async function listPublications(
  db: Db,
  agencyId: number,
  filter: PublicationListFilter = {},
) {
  const pageSize = filter.pageSize ?? 50;
  const where = and(
    eq(publications.agencyId, agencyId),
    filter.status ? eq(publications.status, filter.status) : undefined,
  );
  const rows = await db
    .select({
      id: publications.id,
      title: publications.title,
      status: publications.status,
      step: publications.step,
      indexNumber: publications.indexNumber,
      madeOn: publications.madeOn,
      changedOn: publications.changedOn,
      publishedOn: publications.publishedOn,
      categoryId: publications.categoryId,
      authorId: publications.authorId,
      privacyFindings: publications.privacyFindings,
      privacyOverride: publications.privacyOverride,
    })
    .from(publications)
    .where(where)
    .orderBy(desc(publications.updatedAt), desc(publications.id))
    .limit(pageSize)
    .offset(((filter.page ?? 1) - 1) * pageSize);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(publications)
    .where(where);
  return { rows, total };
}

export async function countByStatus(db: Db, agencyId: number) {
  const rows = await db
    .select({ status: publications.status, step: publications.step, n: sql<number>`count(*)::int` })
    .from(publications)
    .where(eq(publications.agencyId, agencyId))
    .groupBy(publications.status, publications.step);
  return rows;
}

export async function listEvents(db: Db, publicationId: number): Promise<PublicationEvent[]> {
  return db
    .select()
    .from(publicationEvents)
    .where(eq(publicationEvents.publicationId, publicationId))
    .orderBy(asc(publicationEvents.id));
}

/**
 * Who cleared the step before `step` in the current round of review: the latest submission or
 * approval of that step (a rejection sends the item back to the drafter, so a later round's
 * events always come after an earlier round's).
 */
export async function previousStepBy(
  db: Db,
  publicationId: number,
  step: number,
): Promise<number | null> {
  if (step < 1) return null;
  const [row] = await db
    .select({ userId: publicationEvents.userId })
    .from(publicationEvents)
    .where(
      and(
        eq(publicationEvents.publicationId, publicationId),
        eq(publicationEvents.step, step - 1),
        inArray(publicationEvents.kind, ['submitted', 'approved']),
      ),
    )
    .orderBy(desc(publicationEvents.id))
    .limit(1);
  return row?.userId ?? null;
}

export async function listVersions(db: Db, publicationId: number) {
  return db
    .select()
    .from(publicationVersions)
    .where(eq(publicationVersions.publicationId, publicationId))
    .orderBy(desc(publicationVersions.version));
}

// ---------------------------------------------------------------------------------------------
// Attachments

export type AttachmentMeta = Omit<typeof publicationAttachments.$inferSelect, 'data' | 'text'>;

/**
 * Adds a file to a draft: type from the content (anything else is refused), every part scanned
 * (a file that cannot be read completely is kept but blocks publishing), the item re-scanned.
 */
export async function addAttachment(
  db: Db,
  agencyId: number,
  publicationId: number,
  file: { filename: string; data: Buffer },
  actor: Actor,
  /** The web app passes the worker pool's scanner (jobs/attachmentScan.ts). */
  scan: typeof scanFile = scanFile,
): Promise<AttachmentMeta> {
  const kind = await detectAttachmentKind(file.data);
  const filename = safeFilename(file.filename, kind);
  const scanned = await scan(file.data, filename);
  return db.transaction(async (tx) => {
    const t = tx as Tx;
    const item = await lockPublication(t, agencyId, publicationId);
    await requireDraftEditor(t, item, actor);
    const [row] = await t
      .insert(publicationAttachments)
      .values({
        publicationId,
        filename,
        mediaType: mediaTypes[kind],
        size: file.data.length,
        sha256: createHash('sha256').update(file.data).digest('hex'),
        data: file.data,
        text: scanned.searchText,
        hidden: scanned.findings,
      })
      .returning();
    await t
      .update(publications)
      .set({ privacyOverride: null, updatedAt: new Date() })
      .where(eq(publications.id, publicationId));
    await appendEvent(t, publicationId, actor, 'attachment-added', 0, {
      attachmentId: row.id,
      filename,
      size: row.size,
    });
    await refreshSearchText(t, publicationId);
    await rescan(t, publicationId);
    await audit(
      t,
      auditEntry(actor, agencyId, 'catalog.attachment.add', publicationId, {
        filename,
        size: row.size,
        mediaType: row.mediaType,
      }),
    );
    const { data: _d, text: _t, ...meta } = row;
    return meta;
  });
}

/**
 * Replaces a draft's DOCX/XLSX attachment by a cleaned copy (properties, comments, revisions and
 * hidden text removed), only if the copy scans clean; the original row is kept, marked removed.
 */
export async function cleanAttachment(
  db: Db,
  agencyId: number,
  publicationId: number,
  attachmentId: number,
  actor: Actor,
): Promise<AttachmentMeta> {
  const original = (await getPublication(db, agencyId, publicationId))
    ? await getAttachmentFile(db, publicationId, attachmentId)
    : undefined;
  if (!original) throw new GongkaiError('catalog.attachment.missing', '附件不存在。');
  const kind = await detectAttachmentKind(original.data);
  const copy = await cleanOfficeFile(kind, original.data);
  const scan = await scanFile(copy.data, original.filename);
  if (scan.findings.length > 0)
    throw new GongkaiError(
      'catalog.clean.not-clean',
      `清理后的副本仍有${scan.findings.length}处问题（${scan.findings
        .slice(0, 3)
        .map((f) => `${privacyKindLabels[f.kind]}，${f.part}`)
        .join('；')}），不能用清理代替修改。请修改原文件后重新上传，或由办公室放行。`,
    );
  return db.transaction(async (tx) => {
    const t = tx as Tx;
    const item = await lockPublication(t, agencyId, publicationId);
    await requireDraftEditor(t, item, actor);
    const [old] = await t
      .update(publicationAttachments)
      .set({ removed: true })
      .where(
        and(
          eq(publicationAttachments.id, attachmentId),
          eq(publicationAttachments.publicationId, publicationId),
          eq(publicationAttachments.removed, false),
        ),
      )
      .returning({ id: publicationAttachments.id });
    if (!old) throw new GongkaiError('catalog.attachment.missing', '附件不存在。');
    const [row] = await t
      .insert(publicationAttachments)
      .values({
        publicationId,
        filename: original.filename,
        mediaType: original.mediaType,
        size: copy.data.length,
        sha256: createHash('sha256').update(copy.data).digest('hex'),
        data: copy.data,
        text: scan.searchText,
        hidden: scan.findings,
      })
      .returning();
    await t
      .update(publications)
      .set({ privacyOverride: null, updatedAt: new Date() })
      .where(eq(publications.id, publicationId));
    await appendEvent(t, publicationId, actor, 'attachment-cleaned', 0, {
      attachmentId: row.id,
      replaces: attachmentId,
      filename: original.filename,
      parts: copy.changed,
    });
    await refreshSearchText(t, publicationId);
    await rescan(t, publicationId);
    await audit(
      t,
      auditEntry(actor, agencyId, 'catalog.attachment.clean', publicationId, {
        attachmentId: row.id,
        replaces: attachmentId,
        parts: copy.changed,
      }),
    );
    const { data: _d, text: _t, ...meta } = row;
    return meta;
  });
}

/** Removes a file from a draft (the row is kept, marked removed, for the trail). */
export async function removeAttachment(
  db: Db,
  agencyId: number,
  publicationId: number,
  attachmentId: number,
  actor: Actor,
) {
  await db.transaction(async (tx) => {
    const t = tx as Tx;
    const item = await lockPublication(t, agencyId, publicationId);
    await requireDraftEditor(t, item, actor);
    const [row] = await t
      .update(publicationAttachments)
      .set({ removed: true })
      .where(
        and(
          eq(publicationAttachments.id, attachmentId),
          eq(publicationAttachments.publicationId, publicationId),
        ),
      )
      .returning({ filename: publicationAttachments.filename });
    if (!row) throw new GongkaiError('catalog.attachment.missing', '附件不存在。');
    await t
      .update(publications)
      .set({ privacyOverride: null, updatedAt: new Date() })
      .where(eq(publications.id, publicationId));
    await appendEvent(t, publicationId, actor, 'attachment-removed', 0, {
      attachmentId,
      filename: row.filename,
    });
    await refreshSearchText(t, publicationId);
    await rescan(t, publicationId);
    await audit(
      t,
      auditEntry(actor, agencyId, 'catalog.attachment.remove', publicationId, { attachmentId }),
    );
  });
}

export async function listAttachments(db: Db, publicationId: number): Promise<AttachmentMeta[]> {
  return db
    .select({
      id: publicationAttachments.id,
      publicationId: publicationAttachments.publicationId,
      filename: publicationAttachments.filename,
      mediaType: publicationAttachments.mediaType,
      size: publicationAttachments.size,
      sha256: publicationAttachments.sha256,
      hidden: publicationAttachments.hidden,
      removed: publicationAttachments.removed,
      createdAt: publicationAttachments.createdAt,
    })
    .from(publicationAttachments)
    .where(
      and(
        eq(publicationAttachments.publicationId, publicationId),
        eq(publicationAttachments.removed, false),
      ),
    )
    .orderBy(asc(publicationAttachments.id));
}

export async function getAttachmentFile(db: Db, publicationId: number, attachmentId: number) {
  const [row] = await db
    .select({
      filename: publicationAttachments.filename,
      mediaType: publicationAttachments.mediaType,
      data: publicationAttachments.data,
    })
    .from(publicationAttachments)
    .where(
      and(
        eq(publicationAttachments.id, attachmentId),
        eq(publicationAttachments.publicationId, publicationId),
        eq(publicationAttachments.removed, false),
      ),
    );
  return row;
}

/**
 * A published item's attachment for the public: undefined when there is none, `blocked` when
 * its privacy findings are neither cleaned away nor overridden by the office (fail closed).
 */
export async function getPublicAttachmentFile(
  db: Db,
  publicationId: number,
  attachmentId: number,
): Promise<
  | { blocked: true }
  | { blocked: false; filename: string; mediaType: string; data: Buffer }
  | undefined
> {
  const [row] = await db
    .select({
      filename: publicationAttachments.filename,
      mediaType: publicationAttachments.mediaType,
      data: publicationAttachments.data,
      text: publicationAttachments.text,
      hidden: publicationAttachments.hidden,
      override: publications.privacyOverride,
    })
    .from(publicationAttachments)
    .innerJoin(publications, eq(publications.id, publicationAttachments.publicationId))
    .where(
      and(
        eq(publicationAttachments.id, attachmentId),
        eq(publicationAttachments.publicationId, publicationId),
        eq(publications.status, 'published'),
        eq(publicationAttachments.removed, false),
      ),
    );
  if (!row) return undefined;
  if (!isReleasable(attachmentFindings(row), row.override)) return { blocked: true };
  return { blocked: false, filename: row.filename, mediaType: row.mediaType, data: row.data };
}

// ---------------------------------------------------------------------------------------------
// Privacy scan, 保密审查, review chain

/** Records an office override of the current privacy findings, with a reason. */
export async function overridePrivacy(
  db: Db,
  agencyId: number,
  id: number,
  reason: string,
  actor: Actor,
) {
  requireAnyRole(actor, ['office'], '只有办公室可以放行隐私检查。');
  if (reason.trim().length < 4)
    throw new GongkaiError('catalog.override.reason', '请填写放行理由（至少4个字）。');
  await db.transaction(async (tx) => {
    const t = tx as Tx;
    await lockPublication(t, agencyId, id);
    const findings = await rescan(t, id);
    if (findings.length === 0)
      throw new GongkaiError('catalog.override.nothing', '隐私检查未发现问题，无需放行。');
    const override = { reason: reason.trim(), userId: actor.userId, at: new Date().toISOString() };
    await t.update(publications).set({ privacyOverride: override }).where(eq(publications.id, id));
    await appendEvent(t, id, actor, 'privacy-override', null, {
      reason: override.reason,
      findings: findings.length,
    });
    await audit(
      t,
      auditEntry(actor, agencyId, 'catalog.privacy.override', id, {
        reason: override.reason,
        findings: findings.length,
      }),
    );
  });
}

/** 保密审查 for the current version (reviewers and office). */
export async function recordConfidentialityReview(
  db: Db,
  agencyId: number,
  id: number,
  review: { conclusion: ConfidentialityConclusion; note?: string | null },
  actor: Actor,
) {
  requireAnyRole(actor, ['reviewer', 'office'], '只有审核人员可以记录保密审查。');
  await db.transaction(async (tx) => {
    const t = tx as Tx;
    const item = await lockPublication(t, agencyId, id);
    if (item.status !== 'review')
      throw new GongkaiError('catalog.confidentiality.state', '只能对审核中的信息进行保密审查。');
    await t.insert(confidentialityReviews).values({
      publicationId: id,
      version: item.version,
      reviewerId: actor.userId,
      conclusion: review.conclusion,
      note: review.note ?? null,
    });
    await appendEvent(t, id, actor, 'confidentiality-review', item.step, {
      conclusion: review.conclusion,
      note: review.note ?? null,
    });
    await audit(
      t,
      auditEntry(actor, agencyId, 'catalog.confidentiality', id, { conclusion: review.conclusion }),
    );
  });
}

export async function latestConfidentialityReview(db: Db, publicationId: number, version: number) {
  const [row] = await db
    .select()
    .from(confidentialityReviews)
    .where(
      and(
        eq(confidentialityReviews.publicationId, publicationId),
        eq(confidentialityReviews.version, version),
      ),
    )
    .orderBy(desc(confidentialityReviews.id))
    .limit(1);
  return row;
}

/**
 * Submits, approves, rejects or withdraws. The pure transition (catalog/review.ts) decides;
 * the event, the projection, the 索引号 (on publishing) and the audit entry are written in one
 * transaction, with the item's row locked so two approvals cannot race.
 */
export async function reviewPublication(
  db: Db,
  agencyId: number,
  id: number,
  action: ReviewAction,
  actor: Actor,
  options: { today?: string } = {},
): Promise<Publication> {
  return db.transaction(async (tx) => {
    const t = tx as Tx;
    const item = await lockPublication(t, agencyId, id);
    const chain = await getReviewChain(t, agencyId);
    const lastStepNext = item.status === 'review' && item.step === chain.length - 1;
    const needsScan = action.type === 'submit' || (action.type === 'approve' && lastStepNext);
    const findings = needsScan
      ? await rescan(t, id)
      : ((item.privacyFindings ?? []) as PrivacyFinding[]);
    const override = needsScan
      ? (await getPublication(t, agencyId, id))?.privacyOverride
      : item.privacyOverride;
    const confidentiality =
      (await latestConfidentialityReview(t, id, item.version))?.conclusion ?? null;
    const state: ReviewState = { status: item.status, step: item.step, authorId: item.authorId };
    const outcome = applyReviewAction(state, action, {
      chain,
      actor,
      confidentiality,
      privacyBlocked: findings.length > 0 && !override,
      previousStepBy: item.status === 'review' ? await previousStepBy(t, id, item.step) : null,
      allowConsecutiveSteps: await allowsConsecutiveSteps(t, agencyId),
    });
    const set: Partial<Publication> = {
      status: outcome.state.status,
      step: outcome.state.step,
      authorId: outcome.state.authorId,
      updatedAt: new Date(),
    };
    if (outcome.event.kind === 'published') {
      const today = options.today ?? todayInChina();
      set.publishedOn = item.publishedOn ?? today;
      if (!item.indexNumber) {
        const agency = (await findAgencyById(t, agencyId))!;
        set.indexNumber = await issueIndexNumber(t, agency, Number(set.publishedOn.slice(0, 4)));
      }
      await ensureInitialValidity(t, id, item.madeOn, actor);
    }
    if (outcome.event.kind === 'withdrawn')
      set.withdrawnReason = (action as { reason: string }).reason.trim();
    await t.update(publications).set(set).where(eq(publications.id, id));
    await appendEvent(t, id, actor, outcome.event.kind, outcome.event.step, {
      ...outcome.event.details,
      ...(set.indexNumber ? { indexNumber: set.indexNumber } : {}),
    });
    await audit(
      t,
      auditEntry(actor, agencyId, `catalog.${outcome.event.kind}`, id, {
        step: outcome.event.step,
        ...outcome.event.details,
      }),
    );
    if (outcome.consecutive) {
      await audit(
        t,
        auditEntry(actor, agencyId, 'catalog.review.consecutive', id, {
          steps: [outcome.event.step - 1, outcome.event.step],
          labels: [chain[outcome.event.step - 1].label, chain[outcome.event.step].label],
        }),
      );
    }
    return (await getPublication(t, agencyId, id))!;
  });
}

/** Changes 有效性 with the day it takes effect; the history feeds T2. */
export async function changeValidity(
  db: Db,
  agencyId: number,
  id: number,
  change: { validity: Validity; since: string; note?: string | null },
  actor: Actor,
) {
  requireAnyRole(actor, ['office', 'admin'], '只有办公室或管理员可以变更有效性。');
  await db.transaction(async (tx) => {
    const t = tx as Tx;
    const item = await lockPublication(t, agencyId, id);
    if (change.since < item.madeOn)
      throw new GongkaiError('catalog.validity.date', '有效性变更日期不能早于成文日期。');
    await ensureInitialValidity(t, id, item.madeOn, actor);
    await t.insert(publicationValidity).values({
      publicationId: id,
      validity: change.validity,
      since: change.since,
      note: change.note ?? null,
      userId: actor.userId,
    });
    const history = await validityHistory(t, id);
    const current =
      [...history].filter((h) => h.since <= todayInChina()).pop()?.validity ?? change.validity;
    await t
      .update(publications)
      .set({ validity: current, updatedAt: new Date() })
      .where(eq(publications.id, id));
    await appendEvent(t, id, actor, 'validity-changed', null, {
      validity: change.validity,
      since: change.since,
      note: change.note ?? null,
    });
    await audit(
      t,
      auditEntry(actor, agencyId, 'catalog.validity', id, {
        validity: change.validity,
        since: change.since,
      }),
    );
  });
}

export async function validityHistory(db: Db, publicationId: number) {
  return db
    .select()
    .from(publicationValidity)
    .where(eq(publicationValidity.publicationId, publicationId))
    .orderBy(asc(publicationValidity.since), asc(publicationValidity.id));
}

// ---------------------------------------------------------------------------------------------
// Import (demo data, migration from an old site)

export interface ImportedPublication extends PublicationInput {
  publishedOn: string;
  /** A legacy 索引号 to keep; otherwise one is issued for the publication year. */
  indexNumber?: string | null;
  validity?: Validity;
}

/** Adds an already-published item with its 索引号, as an `imported` event. */
export async function importPublication(
  db: Db,
  agencyId: number,
  input: ImportedPublication,
  actor: { userId: number | null },
) {
  return db.transaction(async (tx) => {
    const t = tx as Tx;
    await requireCategory(t, agencyId, input.categoryId);
    let indexNumber = input.indexNumber ?? null;
    if (indexNumber) {
      if (!isAcceptableLegacyIndex(indexNumber))
        throw new GongkaiError('catalog.import.index', `索引号格式无效：${indexNumber}`);
      const parsed = parseIndexNumber(indexNumber);
      if (parsed) await bumpCounter(t, agencyId, parsed.year, parsed.serial);
    } else {
      const agency = (await findAgencyById(t, agencyId))!;
      indexNumber = await issueIndexNumber(t, agency, Number(input.publishedOn.slice(0, 4)));
    }
    const [row] = await t
      .insert(publications)
      .values({
        ...normalise(input),
        agencyId,
        indexNumber,
        legacyIndex: parseIndexNumber(indexNumber) === null,
        publishedOn: input.publishedOn,
        status: 'published',
        step: 0,
        validity: input.validity ?? 'valid',
        authorId: actor.userId,
        ...searchColumns(input, []),
        privacyFindings: [],
      })
      .returning(publicationColumns);
    await t.insert(publicationValidity).values({
      publicationId: row.id,
      validity: 'valid',
      since: row.madeOn,
      userId: actor.userId,
      note: '导入',
    });
    await appendEvent(t, row.id, { userId: actor.userId ?? 0 }, 'imported', null, { indexNumber });
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// helpers

async function lockPublication(db: Tx, agencyId: number, id: number): Promise<Publication> {
  const [row] = await db
    .select(publicationColumns)
    .from(publications)
    .where(and(eq(publications.agencyId, agencyId), eq(publications.id, id)))
    .for('update');
  if (!row) throw new GongkaiError('catalog.missing', '该信息不存在。');
  return row;
}

async function requireCategory(db: Tx, agencyId: number, categoryId: number) {
  if (!(await findCategoryById(db, agencyId, categoryId)))
    throw new GongkaiError('catalog.category', '请选择本单位的信息分类。');
}

async function requireDraftEditor(db: Tx, item: Publication, actor: Actor) {
  const chain = await getReviewChain(db, item.agencyId);
  if (item.status !== 'draft')
    throw new GongkaiError('catalog.attachment.state', '只能在草稿状态下增删附件。');
  requireAnyRole(actor, [chain[0].role], '只有拟稿人可以增删附件。');
}

function requireAnyRole(actor: Actor, allowed: readonly Role[], message: string) {
  if (!actor.roles.some((r) => allowed.includes(r)))
    throw new GongkaiError('catalog.role', message);
}

async function appendEvent(
  db: Tx,
  publicationId: number,
  actor: { userId: number | null },
  kind: string,
  step: number | null,
  details: Record<string, unknown>,
) {
  await db
    .insert(publicationEvents)
    .values({ publicationId, userId: actor.userId || null, kind, step, details });
}

/**
 * An attachment's findings: those of its scan (every part), plus any its stored text still shows
 * that they do not cover (files scanned before the scan read every part).
 */
function attachmentFindings(file: {
  filename: string;
  text: string;
  hidden: unknown[] | null;
}): PrivacyFinding[] {
  const stored = (file.hidden ?? []) as PrivacyFinding[];
  const known = new Set(stored.map((f) => `${f.kind}\u0000${f.excerpt}`));
  const fromText = scanText(file.text, file.filename).filter(
    (f) => !known.has(`${f.kind}\u0000${f.excerpt}`),
  );
  return [...stored, ...fromText];
}

/** Re-runs the privacy scan over the body and the text of every attachment; stores the findings. */
async function rescan(db: Tx, id: number): Promise<PrivacyFinding[]> {
  const [item] = await db
    .select({ title: publications.title, summary: publications.summary, body: publications.body })
    .from(publications)
    .where(eq(publications.id, id));
  const files = await db
    .select({
      filename: publicationAttachments.filename,
      text: publicationAttachments.text,
      hidden: publicationAttachments.hidden,
    })
    .from(publicationAttachments)
    .where(
      and(eq(publicationAttachments.publicationId, id), eq(publicationAttachments.removed, false)),
    );
  const findings = [
    ...scanText(item.title, '标题'),
    ...scanText(item.summary ?? '', '内容概述'),
    ...scanText(item.body, '正文'),
    ...files.flatMap((f) => attachmentFindings(f)),
  ];
  await db
    .update(publications)
    .set({ privacyFindings: findings, privacyScannedAt: new Date() })
    .where(eq(publications.id, id));
  return findings;
}

async function refreshSearchText(db: Tx, id: number) {
  const [item] = await db
    .select(publicationColumns)
    .from(publications)
    .where(eq(publications.id, id));
  const files = await db
    .select({ text: publicationAttachments.text })
    .from(publicationAttachments)
    .where(
      and(eq(publicationAttachments.publicationId, id), eq(publicationAttachments.removed, false)),
    );
  await db
    .update(publications)
    .set(
      searchColumns(
        item,
        files.map((f) => f.text),
      ),
    )
    .where(eq(publications.id, id));
}

/** search_text and, computed from it, the 1–2 character grams of its index (`search_grams`). */
function searchColumns(...args: Parameters<typeof searchTextOf>) {
  const searchText = searchTextOf(...args);
  return { searchText, searchGrams: searchGrams(searchText) };
}

/** What search reads: lower-cased so matching needs no ILIKE. */
export function searchTextOf(
  item: Pick<PublicationInput, 'title' | 'body'> & {
    docNumber?: string | null;
    summary?: string | null;
    keywords?: string | null;
  },
  attachmentTexts: string[],
): string {
  return [
    item.title,
    item.docNumber,
    item.keywords,
    item.summary,
    bodyText(item.body),
    ...attachmentTexts,
  ]
    .filter((s) => s)
    .join('\n')
    .toLowerCase();
}

async function ensureInitialValidity(
  db: Tx,
  id: number,
  madeOn: string,
  actor: { userId: number },
) {
  const [existing] = await db
    .select({ id: publicationValidity.id })
    .from(publicationValidity)
    .where(eq(publicationValidity.publicationId, id))
    .limit(1);
  if (!existing)
    await db
      .insert(publicationValidity)
      .values({ publicationId: id, validity: 'valid', since: madeOn, userId: actor.userId });
}

async function bumpCounter(db: Tx, agencyId: number, year: number, serial: number) {
  await db.execute(sql`
    insert into index_number_counters (agency_id, year, last_serial) values (${agencyId}, ${year}, ${serial})
    on conflict (agency_id, year) do update set last_serial = greatest(index_number_counters.last_serial, excluded.last_serial)`);
}

function normalise(input: PublicationInput) {
  const blank = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : null);
  return {
    categoryId: input.categoryId,
    title: input.title.trim(),
    docNumber: blank(input.docNumber),
    madeOn: input.madeOn,
    issuer: input.issuer.trim(),
    topic: blank(input.topic),
    keywords: blank(input.keywords),
    summary: blank(input.summary),
    body: input.body.replace(/\r\n?/g, '\n'),
  };
}

function snapshotOf(p: Publication): Record<string, unknown> {
  const {
    title,
    docNumber,
    madeOn,
    changedOn,
    issuer,
    topic,
    keywords,
    summary,
    body,
    categoryId,
    version,
  } = p;
  return {
    title,
    docNumber,
    madeOn,
    changedOn,
    issuer,
    topic,
    keywords,
    summary,
    body,
    categoryId,
    version,
  };
}

function safeFilename(name: string, kind: string): string {
  const base =
    name
      .replace(/[\\/\u0000-\u001f<>:"|?*]+/g, '_')
      .trim()
      .slice(0, 120) || '附件';
  return base.toLowerCase().endsWith(`.${kind === 'jpeg' ? 'jpg' : kind}`) ||
    (kind === 'jpeg' && base.toLowerCase().endsWith('.jpeg'))
    ? base
    : `${base}.${kind === 'jpeg' ? 'jpg' : kind}`;
}

function auditEntry(
  actor: Actor,
  agencyId: number,
  action: string,
  id: number,
  details: Record<string, unknown>,
) {
  return {
    userId: actor.userId,
    agencyId,
    action,
    target: `publication:${id}`,
    details,
    ip: actor.ip ?? null,
  };
}
