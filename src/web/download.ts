import type { Context } from 'hono';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A private download (never cached) with a UTF-8 file name (RFC 6266 / 5987). */
export function fileResponse(c: Context, content: Buffer, mediaType: string, filename: string) {
  const ascii = filename.replace(/[^\w.-]/g, '_').slice(-60) || 'file';
  return c.body(new Uint8Array(content), 200, {
    'content-type': mediaType,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
}

/** A generated letter (.docx). */
export const docxResponse = (c: Context, content: Buffer, filename: string) =>
  fileResponse(c, content, DOCX, filename);
