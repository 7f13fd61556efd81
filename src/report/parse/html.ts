/** HTML (UTF-8 or GBK) → AnnualReport: tables with merged cells as a grid, text as sections. */
import { type GridParseResult, reportFromBlocks } from './gridReport.ts';
import { htmlBlocks } from './htmlBlocks.ts';
import { decodeHtml } from './htmlDecode.ts';
import { checkSize } from './limits.ts';
import type { ParseOptions } from './text.ts';

export function parseHtml(input: Uint8Array | string, opts: ParseOptions = {}): GridParseResult {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  checkSize(bytes, 'HTML ');
  const html = typeof input === 'string' ? input : decodeHtml(input);
  return reportFromBlocks(htmlBlocks(html), opts);
}
