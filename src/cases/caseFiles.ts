/**
 * Files that belong to an application: what the applicant supplied (委托书, identity proof, other
 * certificates, 补正 material) and what the agency releases with its reply (公开的政府信息). Each is
 * stored once (`case_files`) and enters the case's log as a `FileAttached` event.
 */

export const CASE_FILE_PURPOSES = {
  'power-of-attorney': '授权委托书',
  'identity-proof': '身份证明',
  certificate: '其他证照或登记证明',
  supplement: '补正材料',
  released: '公开的政府信息',
  other: '其他材料',
} as const;

export type CaseFilePurpose = keyof typeof CASE_FILE_PURPOSES;

export const isCaseFilePurpose = (value: string): value is CaseFilePurpose =>
  Object.hasOwn(CASE_FILE_PURPOSES, value);

/** Largest file accepted; the upload routes' body limit is derived from it. */
export const MAX_CASE_FILE_BYTES = 10 * 1024 * 1024;

/** A display title: what the uploader typed, else the file name without its extension. */
export function caseFileTitle(typed: string | undefined, filename: string): string {
  const title = (typed ?? '').trim() || filename.replace(/\.[^.]{1,8}$/, '').trim();
  return (title || '附件').slice(0, 100);
}
