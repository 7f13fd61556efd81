import type JSZip from 'jszip';
import type { PrivacyFinding } from '../privacy.ts';
import { type PartText, structural } from './reading.ts';
import { decodeXmlBytes, xmlText } from './xmlText.ts';

/** A DOCX/XLSX zip read part by part: the XML parts as text, everything else reported. */
export interface OoxmlParts {
  xml: Map<string, string>;
  texts: PartText[];
  unscannable: PrivacyFinding[];
}

const xmlPart = /\.(xml|rels|vml)$/i;

/** What a non-XML part is, in words, from where Office keeps it. */
function describeBinary(path: string): string {
  if (/vba/i.test(path)) return '宏（VBA 代码）';
  if (/\/activeX\//i.test(path)) return 'ActiveX 控件';
  if (/\/embeddings\//i.test(path)) return '嵌入的文件或 OLE 对象';
  if (/\/media\/|thumbnail|\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg)$/i.test(path)) return '图片';
  if (/\/fonts\//i.test(path)) return '嵌入字体';
  return '无法识别的嵌入内容';
}

/**
 * Reads every entry of an OOXML zip already checked by `checkZip` (so inflating is bounded):
 * XML parts become text; images, embedded files, OLE objects and macros are findings of kind
 * `unscannable`, because their content cannot be checked.
 */
export async function readOoxmlParts(zip: JSZip, source: string): Promise<OoxmlParts> {
  const xml = new Map<string, string>();
  const texts: PartText[] = [];
  const unscannable: PrivacyFinding[] = [];
  const entries = Object.values(zip.files)
    .filter((f) => !f.dir)
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (!xmlPart.test(entry.name)) {
      const what = describeBinary(entry.name);
      unscannable.push(
        structural('unscannable', source, entry.name, `${what}无法检查，请人工核对其内容`),
      );
      continue;
    }
    const text = decodeXmlBytes(await entry.async('uint8array'));
    xml.set(entry.name, text);
    texts.push({ part: entry.name, lines: xmlText(text) });
  }
  return { xml, texts, unscannable };
}
