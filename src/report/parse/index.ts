/**
 * parseFile: reads a report file of any supported type into an AnnualReport.
 * Add a parser by adding a line to `parsers` (html, docx and pdf are to come).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import { GongkaiError } from '../../errors.ts';
import { structuredParsers } from './structured.ts';
import { type ParseOptions, type ParseResult, parseText } from './text.ts';

export type { ParseOptions, ParseResult } from './text.ts';

export const maxBytes = 20 * 1024 * 1024;

export type Parser = (data: Buffer, name: string, opts: ParseOptions) => Promise<ParseResult>;

/** Decodes text as UTF-8, falling back to GB18030; rejects binary data. */
export function decodeText(data: Buffer, name: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = iconv.decode(data, 'gb18030');
  }
  const controls = (text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  if (controls > Math.max(8, text.length * 0.01)) throw new GongkaiError('report.binary', { name });
  if (text.trim() === '') throw new GongkaiError('report.empty', { name });
  return text;
}

const textParser: Parser = async (data, name, opts) => parseText(decodeText(data, name), opts);

/** Parsers by file extension (lower case, with the dot). */
export const parsers: Record<string, Parser> = {
  '.txt': textParser,
  '.md': textParser,
  '.text': textParser,
  ...structuredParsers,
};

/** Parses a file path or a buffer with its file name (the extension picks the parser). */
export async function parseFile(
  source: string | Buffer,
  name = typeof source === 'string' ? source : 'report.txt',
  opts: ParseOptions = {},
): Promise<ParseResult> {
  const ext = extname(name).toLowerCase();
  const parser = parsers[ext];
  if (!parser)
    throw new GongkaiError('report.unsupported', {
      ext: ext || '无扩展名',
      name,
      supported: Object.keys(parsers).join('、'),
    });
  const data = typeof source === 'string' ? await readSource(source) : source;
  if (data.length > maxBytes)
    throw new GongkaiError(
      'report.too-large',
      `文件“${name}”超过${maxBytes / 1024 / 1024} MB，不像一份年度报告`,
    );
  return parser(data, name, opts);
}

async function readSource(path: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new GongkaiError('report.not-file', { path });
    if (info.size > maxBytes)
      throw new GongkaiError(
        'report.too-large',
        `文件“${path}”超过${maxBytes / 1024 / 1024} MB，不像一份年度报告`,
      );
    return await readFile(path);
  } catch (error) {
    if (error instanceof GongkaiError) throw error;
    throw new GongkaiError(
      'report.unreadable',
      `无法读取文件“${path}”：${(error as Error).message}`,
    );
  }
}
