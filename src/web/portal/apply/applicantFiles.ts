/**
 * The files an application form carries (授权委托书, 身份证明, 其他证照): checked before anything
 * is saved, then stored with the application in its transaction (`attachCaseFile`), so an
 * application and its files exist together or not at all.
 */
import type { Context } from 'hono';
import { type CaseFilePurpose, MAX_CASE_FILE_BYTES } from '../../../cases/caseFiles.ts';
import { detectAttachmentKind } from '../../../catalog/attachments/fileType.ts';
import { attachCaseFile } from '../../../db/caseFiles.ts';
import type { Actor } from '../../../db/cases.ts';
import type { Db } from '../../../db/database.ts';
import { isGongkaiError } from '../../../errors.ts';
import type { ApplicationForm } from './applicationForm.ts';

/** Form field → the file's purpose on the case. */
const FILE_FIELDS = {
  powerOfAttorney: 'power-of-attorney',
  identityProof: 'identity-proof',
  certificate: 'certificate',
} as const satisfies Record<string, CaseFilePurpose>;

type FileField = keyof typeof FILE_FIELDS;

export interface ApplicantFile {
  purpose: CaseFilePurpose;
  filename: string;
  data: Buffer;
}

export type ApplicantFiles =
  | { ok: true; files: ApplicantFile[] }
  | { ok: false; errors: Record<string, string> };

/** The files of the form, or per field why one is missing or refused. */
export async function readApplicantFiles(
  c: Context,
  form: Pick<ApplicationForm, 'byAgent'> | undefined,
  rules: { identityProofRequired: boolean },
): Promise<ApplicantFiles> {
  const body = await c.req.parseBody();
  const errors: Record<string, string> = {};
  const files: ApplicantFile[] = [];
  for (const field of Object.keys(FILE_FIELDS) as FileField[]) {
    const value = body[field];
    const file = value instanceof File && value.size > 0 ? value : null;
    if (!file) {
      const missing = missingMessage(field, form, rules);
      if (missing) errors[field] = missing;
      continue;
    }
    const checked = await checkFile(file);
    if (typeof checked === 'string') errors[field] = checked;
    else files.push({ purpose: FILE_FIELDS[field], filename: file.name, data: checked });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, files };
}

function missingMessage(
  field: FileField,
  form: Pick<ApplicationForm, 'byAgent'> | undefined,
  rules: { identityProofRequired: boolean },
): string | null {
  if (field === 'powerOfAttorney' && form?.byAgent === 'on') {
    return '由代理人代为申请的，请上传授权委托书';
  }
  if (field === 'identityProof' && rules.identityProofRequired) {
    return '请上传身份证明（身份证件或登记证照的照片、扫描件）';
  }
  return null;
}

async function checkFile(file: File): Promise<Buffer | string> {
  if (file.size > MAX_CASE_FILE_BYTES) {
    return `文件超过 ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB 的大小限制`;
  }
  const data = Buffer.from(await file.arrayBuffer());
  try {
    await detectAttachmentKind(data);
    return data;
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return error.message;
  }
}

/** Stores the checked files on the new application, in the caller's transaction. */
export async function storeApplicantFiles(
  tx: Db,
  applicationId: number,
  files: readonly ApplicantFile[],
  actor: Actor & { agencyId: number },
): Promise<void> {
  for (const file of files)
    await attachCaseFile(tx, applicationId, { ...file, on: actor.today }, actor);
}
