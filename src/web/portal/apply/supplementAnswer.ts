/** The online 补正 form's limits and its parsing into files and text (Chinese errors). */
import { MAX_CASE_FILE_BYTES } from '../../../cases/caseFiles.ts';
import type { SupplementAnswer } from '../../../db/supplementAnswer.ts';
import { normaliseText } from '../../security/inputText.ts';

export const SUPPLEMENT_LIMITS = {
  textChars: 2000,
  files: 5,
  /** All the files of one answer together; the route's body limit is derived from it. */
  totalBytes: MAX_CASE_FILE_BYTES,
};

export type ParsedAnswer = { ok: true; answer: SupplementAnswer } | { ok: false; error: string };

/** Reads a multipart body (`parseBody({ all: true })`): a text, files, or both. */
export async function parseSupplementAnswer(
  body: Record<string, string | File | (string | File)[]>,
): Promise<ParsedAnswer> {
  const rawText = typeof body.text === 'string' ? body.text : '';
  const text = normaliseText(rawText).trim();
  const files = [body.files ?? []].flat().filter((f): f is File => f instanceof File && f.size > 0);
  if (text.length > SUPPLEMENT_LIMITS.textChars) {
    return { ok: false, error: `补正说明不能超过${SUPPLEMENT_LIMITS.textChars}字。` };
  }
  if (!text && files.length === 0) {
    return { ok: false, error: '请填写补正说明或选择补正材料。' };
  }
  if (files.length > SUPPLEMENT_LIMITS.files) {
    return { ok: false, error: `补正材料最多${SUPPLEMENT_LIMITS.files}个文件。` };
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > SUPPLEMENT_LIMITS.totalBytes) {
    return {
      ok: false,
      error: `补正材料合计超过 ${SUPPLEMENT_LIMITS.totalBytes / 1024 / 1024} MB，请压缩或分次提交。`,
    };
  }
  return {
    ok: true,
    answer: {
      text,
      files: await Promise.all(
        files.map(async (f) => ({ filename: f.name, data: Buffer.from(await f.arrayBuffer()) })),
      ),
    },
  };
}
