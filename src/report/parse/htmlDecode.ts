/**
 * HTML bytes → string: a BOM, then a `<meta charset>` / `content="…charset=…"` in the first
 * bytes, then strict UTF-8, and GB18030 (a superset of GBK and GB2312) when UTF-8 fails.
 */
import iconv from 'iconv-lite';

const gbNames = /^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/i;

function declaredCharset(head: string): string | undefined {
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m?.[1].toLowerCase();
}

export function decodeHtml(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.toString('utf8', 3);
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf-16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return iconv.decode(buf.subarray(2), 'utf-16be');
  const charset = declaredCharset(buf.subarray(0, 4096).toString('latin1'));
  if (charset && gbNames.test(charset)) return iconv.decode(buf, 'gb18030');
  if (charset && charset !== 'utf-8' && charset !== 'utf8' && iconv.encodingExists(charset))
    return iconv.decode(buf, charset);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return iconv.decode(buf, 'gb18030');
  }
}
