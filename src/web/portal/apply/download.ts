import type { Context } from 'hono';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A .docx download with a UTF-8 file name (RFC 6266 / 5987). */
export function docxResponse(c: Context, content: Buffer, filename: string) {
  const encoded = encodeURIComponent(filename);
  return c.body(new Uint8Array(content), 200, {
    'content-type': DOCX,
    'content-disposition': `attachment; filename="letter.docx"; filename*=UTF-8''${encoded}`,
    'cache-control': 'no-store',
  });
}
