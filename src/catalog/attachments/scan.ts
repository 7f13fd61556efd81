/**
 * The privacy scan of one file: a pure function of its bytes and name (no I/O), so the worker
 * pool can run it. It reads every part a person or a tool can reach and fails closed: a file it
 * cannot read completely has an `error` and an `unreadable` finding, never an empty result.
 */
import JSZip from 'jszip';
import { GongkaiError, isGongkaiError } from '../../errors.ts';
import { type PrivacyFinding, scanText } from '../privacy.ts';
import { ATTACHMENT_SEARCH_CHARS, truncateText } from '../searchTextLimit.ts';
import { readDocx } from './docxReading.ts';
import { type AttachmentKind, detectAttachmentKind } from './fileType.ts';
import { readPdf } from './pdfReading.ts';
import { type FileReading, structural } from './reading.ts';
import { readXlsx } from './xlsxReading.ts';

export interface ScanError {
  /** `scan.encrypted` | `scan.damaged` | `scan.too-large` | `scan.format` | `scan.empty` */
  code: string;
  message: string;
}

export interface FileScan {
  /** The detected type, or null when the content is of no accepted type. */
  fileKind: AttachmentKind | null;
  findings: PrivacyFinding[];
  /** The visible text (body, cells, pages) for search: its first ATTACHMENT_SEARCH_CHARS. */
  searchText: string;
  /** Set when the file could not be read completely: it is then blocked (fail closed). */
  error?: ScanError;
}

const readers: Partial<
  Record<AttachmentKind, (data: Uint8Array, name: string) => Promise<FileReading>>
> = {
  docx: readDocx,
  xlsx: readXlsx,
  pdf: readPdf,
};

export async function scanFile(data: Uint8Array, name: string): Promise<FileScan> {
  let fileKind: AttachmentKind | null = null;
  try {
    if (isCompoundFile(data))
      throw new GongkaiError(
        'scan.encrypted',
        '文件是加密的 Office 文档或旧版 doc/xls 格式，无法检查。请取消密码并另存为 docx/xlsx。',
      );
    fileKind = await detectAttachmentKind(data).catch(async (error) => {
      if (
        isZip(data) &&
        !(await JSZip.loadAsync(data).then(
          () => true,
          () => false,
        ))
      )
        throw new GongkaiError(
          'scan.damaged',
          '文件是损坏或不完整的 ZIP（docx/xlsx）文件，无法完整读取。',
        );
      throw error;
    });
    const read = readers[fileKind];
    if (!read)
      return {
        fileKind,
        searchText: '',
        findings: [
          structural('unscannable', name, '图片', '图片中的文字无法检查，请人工核对其内容'),
        ],
      };
    const reading = await read(data, name);
    return {
      fileKind,
      findings: findingsOf(reading, name),
      searchText: truncateText(reading.searchText, ATTACHMENT_SEARCH_CHARS),
    };
  } catch (error) {
    const scanError = scanErrorOf(error);
    return {
      fileKind,
      searchText: '',
      findings: [structural('unreadable', name, '整个文件', scanError.message)],
      error: scanError,
    };
  }
}

/** Structural findings, then the personal data in each part's text, each reported once. */
function findingsOf(reading: FileReading, source: string): PrivacyFinding[] {
  const seen = new Set<string>();
  const out: PrivacyFinding[] = [];
  const add = (f: PrivacyFinding) => {
    const key = `${f.kind}\u0000${f.part}\u0000${f.where ?? ''}\u0000${f.excerpt}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(f);
    }
  };
  reading.findings.forEach(add);
  for (const { part, lines, where } of reading.parts)
    for (const f of scanText(normaliseForScan(lines.join('\n')), source))
      add({ kind: f.kind, source, part, excerpt: f.excerpt, ...(where ? { where } : {}) });
  return out;
}

/** Full-width digits and letters as ASCII, invisible characters removed: `１３８\u200b…` is a number. */
export function normaliseForScan(text: string): string {
  return text.normalize('NFKC').replace(/[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g, '');
}

/** OLE compound file (D0 CF 11 E0): what Office writes for password-protected docx/xlsx and old doc/xls. */
function isCompoundFile(data: Uint8Array): boolean {
  return data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;
}

const isZip = (data: Uint8Array) =>
  data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;

function scanErrorOf(error: unknown): ScanError {
  if (isGongkaiError(error)) {
    const code = error.code.startsWith('scan.')
      ? error.code
      : error.code === 'catalog.file.too-large' || /上限|超过|炸弹/.test(error.message)
        ? 'scan.too-large'
        : error.code === 'catalog.file.empty'
          ? 'scan.empty'
          : error.code === 'catalog.file.type'
            ? 'scan.format'
            : 'scan.damaged';
    return { code, message: error.message };
  }
  const name = (error as { name?: string })?.name;
  if (name === 'PasswordException')
    return { code: 'scan.encrypted', message: 'PDF 文件有打开密码，无法检查。请取消密码后再试。' };
  return {
    code: 'scan.damaged',
    message: '文件已损坏或不完整，无法完整读取，不能确认其中没有个人信息。',
  };
}
