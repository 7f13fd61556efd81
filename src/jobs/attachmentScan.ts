/**
 * The attachment job: the privacy scan of an uploaded attachment (which reads every part), in the
 * pool. A file the pool refuses (over its CPU or memory limit) is treated as unreadable, like a
 * damaged one: its privacy check cannot be completed, so it is blocked (fail closed).
 */
import { structural } from '../catalog/attachments/reading.ts';
import { type FileScan, scanFile } from '../catalog/attachments/scan.ts';
import { isGongkaiError } from '../errors.ts';
import type { JobPool } from './pool.ts';

export interface AttachmentInput {
  data: Uint8Array;
  name: string;
}

/** Runs in the worker. */
export const attachmentScanTask = ({ data, name }: AttachmentInput) => scanFile(data, name);

/** A scanner for `addAttachment` that runs in the pool. */
export function pooledAttachmentScan(pool: JobPool) {
  return async (data: Uint8Array, name: string): Promise<FileScan> => {
    try {
      return await pool.run('attachmentScan', { data, name }, { label: `附件“${name}”` });
    } catch (error) {
      if (!isGongkaiError(error) || error.code === 'jobs.busy') throw error;
      const message = `文件内容无法在限定资源内读取完整：${error.message}`;
      return {
        fileKind: null,
        searchText: '',
        findings: [structural('unreadable', name, '整个文件', message)],
        error: { code: 'scan.too-large', message },
      };
    }
  };
}
