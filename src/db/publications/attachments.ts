/**
 * Attachments: files stored in `publication_attachments` (a backup covers them), each added,
 * cleaned or removed by an event that carries its scan findings (they decide publishing).
 */
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { cleanOfficeFile } from '../../catalog/attachments/clean.ts';
import { detectAttachmentKind, mediaTypes } from '../../catalog/attachments/fileType.ts';
import { isReleasable } from '../../catalog/attachments/release.ts';
import { scanFile } from '../../catalog/attachments/scan.ts';
import { type PrivacyFinding, privacyKindLabels, scanText } from '../../catalog/privacy.ts';
import { GongkaiError } from '../../errors.ts';
import { todayInChina } from '../../law/date.ts';
import type { Db } from '../database.ts';
import { publicationAttachments, publications } from '../schema/catalog.ts';
import { type Actor, acted } from './actor.ts';
import { appendPublicationEvent, publicationAggregate } from './aggregate.ts';
import { getPublication } from './read.ts';

export type AttachmentMeta = Omit<typeof publicationAttachments.$inferSelect, 'data' | 'text'>;

interface StoredFile {
  filename: string;
  mediaType: string;
  data: Buffer;
  text: string;
  findings: PrivacyFinding[];
}

/**
 * Adds a file to a draft: type from the content (anything else is refused), every part scanned
 * (a file that cannot be read completely is kept but blocks publishing).
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
  const stored = {
    filename,
    mediaType: mediaTypes[kind],
    data: file.data,
    text: scanned.searchText,
    findings: scanned.findings,
  };
  return attach(db, agencyId, publicationId, stored, actor);
}

/**
 * Attaches a file the system made (the annual report's DOCX/PDF) to a published item: an event
 * without an actor.
 */
export async function attachGeneratedFile(
  db: Db,
  agencyId: number,
  publicationId: number,
  file: Omit<StoredFile, 'findings'>,
  userId: number | null,
): Promise<AttachmentMeta> {
  return attach(db, agencyId, publicationId, { ...file, findings: [] }, null, userId);
}

async function attach(
  db: Db,
  agencyId: number,
  publicationId: number,
  file: StoredFile,
  actor: Actor | null,
  userId: number | null = actor?.userId ?? null,
): Promise<AttachmentMeta> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    // A double click or a resubmitted form uploads the same file again: it is attached once.
    await publicationAggregate.lock(t, publicationId);
    const same = await sameFile(t, publicationId, file.data);
    if (same) return same;
    const row = await insertFile(t, publicationId, file);
    await appendPublicationEvent(
      t,
      publicationId,
      {
        type: 'attachment-added',
        ...(actor ? acted(actor, todayInChina()) : { by: null, roles: [], on: todayInChina() }),
        attachment: { id: row.id, filename: row.filename, findings: attachmentFindings(file) },
        size: row.size,
      },
      { userId, ip: actor?.ip },
      agencyId,
    );
    return row;
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
    throw new GongkaiError('catalog.clean.not-clean', {
      count: scan.findings.length,
      list: scan.findings
        .slice(0, 3)
        .map((f) => `${privacyKindLabels[f.kind]}，${f.part}`)
        .join('；'),
    });
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await markRemoved(t, publicationId, attachmentId);
    const file = { ...original, data: copy.data, text: scan.searchText, findings: scan.findings };
    const row = await insertFile(t, publicationId, file);
    await appendPublicationEvent(
      t,
      publicationId,
      {
        type: 'attachment-cleaned',
        ...acted(actor, todayInChina()),
        attachment: { id: row.id, filename: row.filename, findings: attachmentFindings(file) },
        replaces: attachmentId,
        parts: copy.changed,
      },
      actor,
      agencyId,
    );
    return row;
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
  await inOwnPublication(db, agencyId, publicationId, async (t) => {
    await markRemoved(t, publicationId, attachmentId);
    await appendPublicationEvent(
      t,
      publicationId,
      { type: 'attachment-removed', ...acted(actor, todayInChina()), attachmentId },
      actor,
      agencyId,
    );
  });
}

/** Gives a draft's file a display title for the portal ('' clears it): an event and the row. */
export async function titleAttachment(
  db: Db,
  agencyId: number,
  publicationId: number,
  attachmentId: number,
  title: string,
  actor: Actor,
) {
  await inOwnPublication(db, agencyId, publicationId, async (t) => {
    await appendPublicationEvent(
      t,
      publicationId,
      { type: 'attachment-titled', ...acted(actor, todayInChina()), attachmentId, title },
      actor,
      agencyId,
    );
    await t
      .update(publicationAttachments)
      .set({ title: title || null })
      .where(
        and(
          eq(publicationAttachments.publicationId, publicationId),
          eq(publicationAttachments.id, attachmentId),
        ),
      );
  });
}

const metaColumns = {
  id: publicationAttachments.id,
  publicationId: publicationAttachments.publicationId,
  filename: publicationAttachments.filename,
  title: publicationAttachments.title,
  mediaType: publicationAttachments.mediaType,
  size: publicationAttachments.size,
  sha256: publicationAttachments.sha256,
  hidden: publicationAttachments.hidden,
  removed: publicationAttachments.removed,
  createdAt: publicationAttachments.createdAt,
};

export async function listAttachments(db: Db, publicationId: number): Promise<AttachmentMeta[]> {
  return db
    .select(metaColumns)
    .from(publicationAttachments)
    .where(liveAttachment(publicationId))
    .orderBy(asc(publicationAttachments.id));
}

/** A file's content and what its scan found. */
const fileColumns = {
  filename: publicationAttachments.filename,
  mediaType: publicationAttachments.mediaType,
  data: publicationAttachments.data,
  text: publicationAttachments.text,
  hidden: publicationAttachments.hidden,
};

/** The publication's attachments that are not removed (or the one of them with `attachmentId`). */
function liveAttachment(publicationId: number, attachmentId?: number) {
  return and(
    eq(publicationAttachments.publicationId, publicationId),
    eq(publicationAttachments.removed, false),
    attachmentId === undefined ? undefined : eq(publicationAttachments.id, attachmentId),
  );
}

export async function getAttachmentFile(db: Db, publicationId: number, attachmentId: number) {
  const [row] = await db
    .select(fileColumns)
    .from(publicationAttachments)
    .where(liveAttachment(publicationId, attachmentId));
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
    .select({ ...fileColumns, override: publications.privacyOverride })
    .from(publicationAttachments)
    .innerJoin(publications, eq(publications.id, publicationAttachments.publicationId))
    .where(and(liveAttachment(publicationId, attachmentId), eq(publications.status, 'published')));
  if (!row) return undefined;
  const findings = attachmentFindings({ ...row, findings: (row.hidden ?? []) as PrivacyFinding[] });
  if (!isReleasable(findings, row.override)) return { blocked: true };
  return { blocked: false, filename: row.filename, mediaType: row.mediaType, data: row.data };
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function sameFile(tx: Db, publicationId: number, data: Buffer) {
  const hash = sha256(data);
  return (await listAttachments(tx, publicationId)).find((a) => a.sha256 === hash);
}

async function insertFile(tx: Db, publicationId: number, file: StoredFile) {
  const [row] = await tx
    .insert(publicationAttachments)
    .values({
      publicationId,
      filename: file.filename,
      mediaType: file.mediaType,
      size: file.data.length,
      sha256: sha256(file.data),
      data: file.data,
      text: file.text,
      hidden: file.findings,
    })
    // Not the file and its text back: the database thread and the HTTP thread would copy them.
    .returning(metaColumns);
  return row;
}

/** Runs `change` in one transaction, once the publication is found to be the agency's. */
async function inOwnPublication(
  db: Db,
  agencyId: number,
  publicationId: number,
  change: (t: Db) => Promise<void>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    if (!(await getPublication(t, agencyId, publicationId)))
      throw new GongkaiError('catalog.missing', '该信息不存在。');
    await change(t);
  });
}

async function markRemoved(tx: Db, publicationId: number, attachmentId: number) {
  const [old] = await tx
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
}

/**
 * An attachment's findings: those of its scan (every part), plus any its stored text still shows
 * that they do not cover (files scanned before the scan read every part).
 */
function attachmentFindings(file: {
  filename: string;
  text: string;
  findings: PrivacyFinding[];
}): PrivacyFinding[] {
  const known = new Set(file.findings.map((f) => `${f.kind}\u0000${f.excerpt}`));
  const fromText = scanText(file.text, file.filename).filter(
    (f) => !known.has(`${f.kind}\u0000${f.excerpt}`),
  );
  return [...file.findings, ...fromText];
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
