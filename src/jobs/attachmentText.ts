/**
 * The attachment job: text extraction (which runs the privacy guards) of an uploaded attachment,
 * in the pool. A file the pool refuses (over its CPU or memory limit) is treated as unreadable,
 * like a damaged one: its privacy check cannot be completed (fail closed).
 */
import { type ExtractedText, extractAttachmentText } from '../catalog/attachments/extract.ts';
import type { AttachmentKind } from '../catalog/attachments/fileType.ts';
import { isGongkaiError } from '../errors.ts';
import type { JobPool } from './pool.ts';

export interface AttachmentInput {
  kind: AttachmentKind;
  data: Uint8Array;
  name: string;
}

/** Runs in the worker. */
export const attachmentTextTask = ({ kind, data, name }: AttachmentInput) =>
  extractAttachmentText(kind, data, name);

/** An extractor for `addAttachment` that runs in the pool. */
export function pooledAttachmentText(pool: JobPool) {
  return async (kind: AttachmentKind, data: Uint8Array, name: string): Promise<ExtractedText> => {
    try {
      return await pool.run('attachmentText', { kind, data, name }, { label: `附件“${name}”` });
    } catch (error) {
      if (!isGongkaiError(error) || error.code === 'jobs.busy') throw error;
      return {
        text: '',
        hidden: [
          { kind: 'unreadable', source: name, excerpt: `文件内容无法读取：${error.message}` },
        ],
      };
    }
  };
}
