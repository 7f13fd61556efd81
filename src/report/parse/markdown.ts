/** Markdown with pipe tables (our own render, or PDF-to-markdown output) → AnnualReport. */
import { type GridParseResult, reportFromBlocks } from './gridReport.ts';
import { checkSize } from './limits.ts';
import { markdownBlocks } from './markdownGrid.ts';
import type { ParseOptions } from './text.ts';

export function parseMarkdown(
  input: Uint8Array | string,
  opts: ParseOptions = {},
): GridParseResult {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  checkSize(bytes, 'Markdown ');
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
  return reportFromBlocks(markdownBlocks(text), opts);
}
