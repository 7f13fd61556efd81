import { checkZip } from '../../report/parse/zipGuard.ts';
import type { PrivacyFinding } from '../privacy.ts';
import { readOoxmlParts } from './ooxmlParts.ts';
import { type FileReading, structural } from './reading.ts';
import { attributesOf, isOn, startTags, xmlText } from './xmlText.ts';

/**
 * A DOCX read for the privacy scan: every XML part (body, headers, footers, footnotes, endnotes,
 * comments, text boxes, alt text, revisions, hidden text, properties, custom XML) as text, and
 * what a reader does not see — hidden text, revisions, comments — reported on its own.
 */
export async function readDocx(data: Uint8Array, source: string): Promise<FileReading> {
  const zip = await checkZip(data, 'DOCX', 'word/document.xml');
  const { xml, texts, unscannable } = await readOoxmlParts(zip, source);
  const findings: PrivacyFinding[] = [...unscannable];
  for (const [part, text] of xml) {
    if (!part.startsWith('word/')) continue;
    const vanish = startTags(text, 'vanish').filter((rest) => isOn(attributesOf(rest).get('val')));
    if (vanish.length > 0)
      findings.push(
        structural('hidden-text', source, part, `有${vanish.length}处设置为隐藏的文字`),
      );
    const revisions = ['ins', 'del', 'moveFrom', 'moveTo'].reduce(
      (n, name) => n + startTags(text, name).length,
      0,
    );
    if (revisions > 0)
      findings.push(structural('tracked-change', source, part, `有${revisions}处未接受的修订`));
    const comments = startTags(text, 'comment').length;
    if (comments > 0)
      findings.push(structural('docx-comment', source, part, `有${comments}条批注`));
  }
  const body = xml.get('word/document.xml') ?? '';
  return { parts: texts, findings, searchText: xmlText(body).join('\n') };
}
