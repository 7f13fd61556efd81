/** The case page's files (委托书, identity proof, 补正材料, released information): list, upload, download. */
import type { Context } from 'hono';
import { CASE_FILE_PURPOSES, isCaseFilePurpose } from '../../../cases/caseFiles.ts';
import { attachCaseFile, type CaseFileInfo, readCaseFile } from '../../../db/caseFiles.ts';
import { loadCase } from '../../../db/cases.ts';
import { isGongkaiError } from '../../../errors.ts';
import { todayInChina } from '../../../law/date.ts';
import { fileResponse } from '../../download.ts';
import type { AppEnv } from '../../env.ts';
import { normaliseText } from '../../security/inputText.ts';
import { CsrfField } from '../../views/csrfField.tsx';
import { ATTACHMENT_ACCEPT } from '../catalog/uploads.ts';

type C = Context<AppEnv>;

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function CaseFiles(p: {
  href: string;
  csrf: string;
  files: CaseFileInfo[];
  /** Only the staff who handle cases see and add files (they hold personal data). */
  personal: boolean;
  error?: string;
}) {
  if (!p.personal) {
    return p.files.length === 0 ? null : (
      <section>
        <h2>材料</h2>
        <p class="muted">本件有 {p.files.length} 个材料（含个人信息，仅承办人员可查看）。</p>
      </section>
    );
  }
  return (
    <section id="files">
      <h2>材料</h2>
      {p.files.length === 0 ? <p class="muted">暂无材料。</p> : null}
      <ul class="letters">
        {p.files.map((f) => (
          <li data-file={f.id}>
            <a href={`${p.href}/files/${f.id}`}>{f.title}</a>
            <span class="muted">
              （{CASE_FILE_PURPOSES[f.purpose as keyof typeof CASE_FILE_PURPOSES] ?? f.purpose}，
              {sizeText(f.size)}
              {f.userId === null ? '，申请人上传' : ''}）
            </span>
          </li>
        ))}
      </ul>
      {p.error ? (
        <p class="alert" role="alert">
          未能添加材料：{p.error}（未作任何更改）
        </p>
      ) : null}
      <details class="action" open={p.error !== undefined}>
        <summary>添加材料</summary>
        <form method="post" action={`${p.href}/files`} enctype="multipart/form-data" class="form">
          <CsrfField token={p.csrf} />
          <label for="case-file-purpose">用途</label>
          <select id="case-file-purpose" name="purpose" required>
            {Object.entries(CASE_FILE_PURPOSES).map(([value, label]) => (
              <option value={value}>{label}</option>
            ))}
          </select>
          <label for="case-file-title">标题（可不填，默认为文件名）</label>
          <input id="case-file-title" name="title" maxlength={100} />
          <label for="case-file">文件（PDF、Word、Excel 或图片，不超过 10 MB）</label>
          <input id="case-file" name="file" type="file" accept={ATTACHMENT_ACCEPT} required />
          <button type="submit">上传</button>
        </form>
      </details>
    </section>
  );
}

/** POST …/cases/:id/files — returns an error message for the case page, or null when stored. */
export async function uploadCaseFile(c: C, id: number): Promise<string | null> {
  const body = await c.req.parseBody();
  const file = body.file;
  const purpose = typeof body.purpose === 'string' ? body.purpose : '';
  if (!isCaseFilePurpose(purpose)) return '请选择文件的用途。';
  if (!(file instanceof File) || file.size === 0) return '请选择要上传的文件。';
  try {
    await attachCaseFile(
      c.get('database').db,
      id,
      {
        purpose,
        title: typeof body.title === 'string' ? normaliseText(body.title) : undefined,
        filename: file.name,
        data: Buffer.from(await file.arrayBuffer()),
        on: todayInChina(),
      },
      { userId: c.get('user')!.userId, ip: c.get('clientIp'), agencyId: c.get('agency').id },
    );
    return null;
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return error.message;
  }
}

/** GET …/cases/:id/files/:fileId — the file as it was uploaded. */
export async function downloadCaseFile(c: C, id: number, fileId: number) {
  const db = c.get('database').db;
  const loaded = await loadCase(db, id);
  if (!loaded || loaded.row.agencyId !== c.get('agency').id) return c.notFound();
  const file = await readCaseFile(db, id, fileId);
  if (!file) return c.notFound();
  return fileResponse(c, file.data, file.mediaType, file.filename);
}
