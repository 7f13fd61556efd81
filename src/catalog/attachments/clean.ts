/**
 * A cleaned copy of a DOCX/XLSX for publishing: properties blanked, comments removed, revisions
 * accepted (insertions kept, deletions dropped, old formatting dropped), text marked hidden
 * removed. Pure (bytes in, bytes out). It is only offered when the copy scans clean: the caller
 * re-scans it, so anything this misses keeps the file blocked.
 */
import JSZip from 'jszip';
import { GongkaiError } from '../../errors.ts';
import { checkZip } from '../../report/parse/zipGuard.ts';
import type { AttachmentKind } from './fileType.ts';
import { decodeXmlBytes } from './xmlText.ts';

const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Parts replaced by an empty element of the same root (so the package's relationships stay valid). */
const blankParts: [RegExp, string][] = [
  [
    /^docProps\/core\.xml$/,
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>',
  ],
  [
    /^docProps\/app\.xml$/,
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>',
  ],
  [
    /^docProps\/custom\.xml$/,
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>',
  ],
  [
    /^word\/comments\.xml$/,
    '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
  ],
  [
    /^word\/commentsExtended\.xml$/,
    '<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"/>',
  ],
  [
    /^word\/commentsIds\.xml$/,
    '<w16cid:commentsIds xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid"/>',
  ],
  [
    /^word\/commentsExtensible\.xml$/,
    '<w16cex:commentsExtensible xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex"/>',
  ],
  [
    /^word\/people\.xml$/,
    '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"/>',
  ],
  [
    /^xl\/comments\d*\.xml$/,
    '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors/><commentList/></comments>',
  ],
  [
    /^xl\/threadedComments\/[^/]+\.xml$/,
    '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"/>',
  ],
  [
    /^xl\/persons\/[^/]+\.xml$/,
    '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"/>',
  ],
];

const vanishOn = /<w:vanish(?:\s+w:val\s*=\s*["'](?:1|true|on)["'])?\s*(?:\/>|>\s*<\/w:vanish>)/i;
/** Innermost runs (a run holding a text box holds runs of its own). */
const run = /<w:r(?:\s[^>]*)?>(?:(?!<w:r[\s>])[\s\S])*?<\/w:r>/g;

/** One WordprocessingML part with revisions accepted, comment marks and hidden runs removed. */
export function cleanWordXml(xml: string): string {
  return (
    xml
      // Deletions (and moved-away text) go; insertions stay as plain text.
      .replace(/<w:(del|moveFrom)\b[^>]*\/>/g, '')
      .replace(/<w:(del|moveFrom)\b[^>]*>[\s\S]*?<\/w:\1>/g, '')
      .replace(/<w:(ins|moveTo)\b[^>]*\/>/g, '')
      .replace(/<\/?w:(ins|moveTo)\b[^>]*>/g, '')
      .replace(/<w:(moveFromRange|moveToRange)(Start|End)\b[^>]*\/>/g, '')
      // Old formatting kept for the revision history.
      .replace(
        /<w:(rPrChange|pPrChange|sectPrChange|tblPrChange|tcPrChange|trPrChange|tblGridChange|numberingChange)\b[^>]*>[\s\S]*?<\/w:\1>/g,
        '',
      )
      // Comment anchors and references.
      .replace(/<w:comment(RangeStart|RangeEnd)\b[^>]*\/>/g, '')
      .replace(run, (r) => (/<w:commentReference\b/.test(r) || vanishOn.test(r) ? '' : r))
      // What is still marked hidden (paragraph marks, styles) becomes visible: it was scanned.
      .replace(new RegExp(vanishOn.source, 'gi'), '')
  );
}

export interface CleanedCopy {
  data: Buffer;
  /** The parts that were changed, for the item's history. */
  changed: string[];
}

export async function cleanOfficeFile(
  kind: AttachmentKind,
  data: Uint8Array,
): Promise<CleanedCopy> {
  if (kind !== 'docx' && kind !== 'xlsx')
    throw new GongkaiError(
      'catalog.clean.kind',
      '只有 Word（docx）和 Excel（xlsx）文件可以生成清理后的副本。',
    );
  const zip = await checkZip(
    data,
    kind === 'docx' ? 'DOCX' : 'XLSX',
    kind === 'docx' ? 'word/document.xml' : 'xl/workbook.xml',
  );
  const out = new JSZip();
  const changed: string[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const bytes = await entry.async('uint8array');
    const blank = blankParts.find(([re]) => re.test(entry.name));
    let content: string | Uint8Array = bytes;
    if (blank) content = decl + blank[1];
    else if (/^word\/[^/]+\.xml$/.test(entry.name))
      content = cleanWordXml(decodeXmlBytes(bytes)).replace(
        /encoding=["']UTF-16["']/i,
        'encoding="UTF-8"',
      );
    if (typeof content === 'string' && content !== decodeXmlBytes(bytes)) changed.push(entry.name);
    out.file(entry.name, content);
  }
  return { data: await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), changed };
}
