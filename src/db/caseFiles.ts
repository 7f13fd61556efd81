/**
 * The files of an application: stored in `case_files` and entered in the case's log
 * (`FileAttached`) in one transaction, so the file and its event exist together or not at all.
 * Files are only typed by their content here, never parsed: what the applicant sent goes back to
 * staff and the applicant as it came.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { type CaseFilePurpose, caseFileTitle, MAX_CASE_FILE_BYTES } from '../cases/caseFiles.ts';
import { detectAttachmentKind, mediaTypes } from '../catalog/attachments/fileType.ts';
import { GongkaiError } from '../errors.ts';
import { type IsoDate, todayInChina } from '../law/date.ts';
import { type Actor, applicationAggregate } from './cases.ts';
import type { Db } from './database.ts';
import { firstRow } from './rows.ts';
import { caseFiles } from './schema/cases.ts';
import { append } from './store/eventStore.ts';

export interface NewCaseFile {
  purpose: CaseFilePurpose;
  /** The display title; the file name when blank. */
  title?: string;
  filename: string;
  data: Buffer;
  on?: IsoDate;
}

export type CaseFileInfo = Omit<typeof caseFiles.$inferSelect, 'data'>;

/** Stores the file and appends its `FileAttached` event; a refused event stores nothing. */
export async function attachCaseFile(
  db: Db,
  applicationId: number,
  file: NewCaseFile,
  actor: Actor & { agencyId: number },
): Promise<CaseFileInfo> {
  if (file.data.length > MAX_CASE_FILE_BYTES) {
    throw new GongkaiError('case.file.too-large', { maxMb: MAX_CASE_FILE_BYTES / 1024 / 1024 });
  }
  const kind = await detectAttachmentKind(file.data);
  const title = caseFileTitle(file.title, file.filename);
  const hash = createHash('sha256').update(file.data).digest('hex');
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    // A double click or a resubmitted form sends the same file again: it is attached once.
    const locked = await applicationAggregate.lock(t, applicationId);
    if (locked?.agencyId !== actor.agencyId) {
      throw new GongkaiError('case.not-found', `记录不存在：${applicationId}`);
    }
    const same = (await caseFilesOf(t, applicationId)).find(
      (f) => f.sha256 === hash && f.purpose === file.purpose,
    );
    if (same) return same;
    const [row] = await t
      .insert(caseFiles)
      .values({
        applicationId,
        agencyId: actor.agencyId,
        purpose: file.purpose,
        title,
        filename: file.filename.slice(0, 200) || `${title}.${kind}`,
        mediaType: mediaTypes[kind],
        size: file.data.length,
        sha256: hash,
        data: file.data,
        userId: actor.userId ?? null,
      })
      .returning({ id: caseFiles.id });
    await append(
      t,
      applicationAggregate,
      applicationId,
      {
        type: 'FileAttached',
        on: file.on ?? todayInChina(),
        fileId: row.id,
        purpose: file.purpose,
        title,
        by: actor.userId ? 'staff' : 'applicant',
      },
      actor,
      { agencyId: actor.agencyId, context: actor.calendar },
    );
    const [info] = await caseFilesOf(t, applicationId, row.id);
    return info;
  });
}

const infoColumns = {
  id: caseFiles.id,
  applicationId: caseFiles.applicationId,
  agencyId: caseFiles.agencyId,
  purpose: caseFiles.purpose,
  title: caseFiles.title,
  filename: caseFiles.filename,
  mediaType: caseFiles.mediaType,
  size: caseFiles.size,
  sha256: caseFiles.sha256,
  userId: caseFiles.userId,
  createdAt: caseFiles.createdAt,
};

/** The files of one application (without their content), oldest first; or one of them. */
export function caseFilesOf(
  db: Db,
  applicationId: number,
  fileId?: number,
): Promise<CaseFileInfo[]> {
  const where = eq(caseFiles.applicationId, applicationId);
  return db
    .select(infoColumns)
    .from(caseFiles)
    .where(fileId === undefined ? where : and(where, eq(caseFiles.id, fileId)))
    .orderBy(asc(caseFiles.id));
}

/** One file with its content, only if it belongs to this application. */
export async function readCaseFile(db: Db, applicationId: number, fileId: number) {
  return firstRow(db, caseFiles, { applicationId, id: fileId });
}
