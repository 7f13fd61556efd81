import { GongkaiError } from '../../errors.ts';
import { checkPdfDrawing } from '../../report/parse/pdfContent.ts';
import { checkPdfStructure } from '../../report/parse/pdfGuard.ts';
import type { PrivacyFinding } from '../privacy.ts';
import { type FileReading, type PartText, structural } from './reading.ts';
import { xmlText } from './xmlText.ts';

/** Decoded drawing bytes of an attached PDF: more than a report's (long documents), still bounded. */
const maxAttachmentDrawingBytes = 8 * 1024 * 1024;
/** Pages of an attached PDF the scan reads; a longer file is refused, never half-read. */
export const maxScanPages = 2_000;

/** Annotation kinds that carry a file or media the scan cannot look into. */
const mediaAnnotations = new Set(['FileAttachment', 'Sound', 'Movie', 'Screen', 'RichMedia', '3D']);

/**
 * A PDF read for the privacy scan with pdfjs: the text of every page (invisible text included),
 * annotations (contents, authors), form fields, the document information, XMP metadata and the
 * outline; embedded files, media, images and scripts reported as findings of their own kind.
 */
export async function readPdf(data: Uint8Array, source: string): Promise<FileReading> {
  checkPdfStructure(data);
  checkPdfDrawing(data, maxAttachmentDrawingBytes);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    useSystemFonts: false,
    isEvalSupported: false,
    enableXfa: false,
    verbosity: 0,
  }).promise;
  try {
    if (doc.numPages > maxScanPages)
      throw new GongkaiError('scan.too-large', { numPages: doc.numPages, maxScanPages });
    const parts: PartText[] = [];
    const findings: PrivacyFinding[] = [];
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('');
      pages.push(text);
      parts.push({ part: `page p.${i}`, lines: [text] });
      for (const annotation of await page.getAnnotations({ intent: 'any' })) {
        const subtype = String(annotation.subtype ?? '');
        if (mediaAnnotations.has(subtype))
          findings.push(
            structural(
              'unscannable',
              source,
              `annotation p.${i}`,
              `附加的文件或媒体（${subtype}）无法检查`,
            ),
          );
        const isField = subtype === 'Widget';
        parts.push({
          part: `${isField ? 'form field' : 'annotation'} p.${i}`,
          lines: stringsIn(annotation),
          ...(isField && annotation.fieldName ? { where: String(annotation.fieldName) } : {}),
        });
      }
      page.cleanup();
    }
    parts.push(...(await fieldParts(doc)), ...(await metadataParts(doc)));
    parts.push({ part: 'outline', lines: stringsIn(await doc.getOutline()) });
    findings.push(...(await unscannableParts(doc, data, source)));
    return { parts, findings, searchText: pages.join('\n') };
  } finally {
    await doc.destroy();
  }
}

type PdfDocument = Awaited<
  ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']
>;

async function fieldParts(doc: PdfDocument): Promise<PartText[]> {
  const fields = (await doc.getFieldObjects()) ?? {};
  return Object.entries(fields).flatMap(([name, widgets]) =>
    (widgets as { page?: number; value?: unknown; defaultValue?: unknown }[]).map((w) => ({
      part: `form field p.${(w.page ?? -1) + 1}`,
      lines: stringsIn([w.value, w.defaultValue]),
      where: name,
    })),
  );
}

async function metadataParts(doc: PdfDocument): Promise<PartText[]> {
  const { info, metadata } = await doc.getMetadata();
  const parts: PartText[] = [];
  for (const [key, value] of Object.entries((info ?? {}) as Record<string, unknown>)) {
    if (key === 'Custom' && value && typeof value === 'object')
      for (const [k, v] of Object.entries(value))
        parts.push({ part: `info:${k}`, lines: [...stringsIn(v), k] });
    else if (typeof value === 'string') parts.push({ part: `info:${key}`, lines: [value] });
  }
  if (metadata) parts.push({ part: 'XMP metadata', lines: xmlText(metadata.getRaw()) });
  return parts;
}

async function unscannableParts(
  doc: PdfDocument,
  data: Uint8Array,
  source: string,
): Promise<PrivacyFinding[]> {
  const findings: PrivacyFinding[] = [];
  const attachments = (await doc.getAttachments()) ?? {};
  for (const name of Object.keys(attachments))
    findings.push(
      structural(
        'unscannable',
        source,
        `embedded file ${name}`,
        '嵌入的文件无法检查，请人工核对其内容',
      ),
    );
  const info = (await doc.getMetadata()).info as unknown as Record<string, unknown> | null;
  if (info?.IsXFAPresent)
    findings.push(structural('unscannable', source, 'XFA form', 'XFA 表单数据无法检查'));
  if (info?.IsCollectionPresent)
    findings.push(structural('unscannable', source, 'portfolio', 'PDF 文件包中的文件无法检查'));
  // Object dictionaries of images and scripts are in the clear (streams are never inside object
  // streams); names may escape letters as #xx.
  const raw = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    .toString('latin1')
    .replace(/#([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));
  const images = raw.match(/\/Subtype\s*\/Image\b/g)?.length ?? 0;
  if (images > 0)
    findings.push(
      structural('unscannable', source, 'images', `含${images}个图片，图片中的文字无法检查`),
    );
  if ((await doc.getJSActions()) || /\/(JavaScript|JS)\b/.test(raw))
    findings.push(structural('unscannable', source, 'JavaScript', '含脚本，无法检查'));
  return findings;
}

/** Every string inside a value (annotation data, outline, field values), bounded in depth and count. */
function stringsIn(value: unknown, depth = 0, out: string[] = []): string[] {
  if (out.length > 10_000 || depth > 6 || value === null || value === undefined) return out;
  if (typeof value === 'string') {
    if (value.trim()) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) stringsIn(v, depth + 1, out);
  } else if (typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const v of Object.values(value)) stringsIn(v, depth + 1, out);
  }
  return out;
}
