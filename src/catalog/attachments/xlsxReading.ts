import { posix } from 'node:path';
import { checkZip } from '../../report/parse/zipGuard.ts';
import type { PrivacyFinding } from '../privacy.ts';
import { readOoxmlParts } from './ooxmlParts.ts';
import { type FileReading, structural } from './reading.ts';
import { attributesOf, isOn, startTags } from './xmlText.ts';

/**
 * An XLSX read for the privacy scan: every XML part (every sheet however hidden, shared and
 * inline strings, notes and threaded comments, headers/footers, defined names, properties) as
 * text, and hidden sheets, rows and columns and comments reported on their own.
 */
export async function readXlsx(data: Uint8Array, source: string): Promise<FileReading> {
  const zip = await checkZip(data, 'XLSX', 'xl/workbook.xml');
  const { xml, texts, unscannable } = await readOoxmlParts(zip, source);
  const findings: PrivacyFinding[] = [...unscannable];
  const sheetNames = sheetsByPart(xml);
  for (const t of texts) {
    const sheet = sheetNames.get(t.part);
    if (sheet) t.where = sheet.name;
  }

  for (const [part, { name, state }] of sheetNames)
    if (state === 'hidden' || state === 'veryHidden')
      findings.push(structural('hidden-sheet', source, part, `工作表“${name}”被隐藏`, name));

  for (const [part, text] of xml) {
    const sheet = sheetNames.get(part)?.name;
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(part)) {
      const rows = startTags(text, 'row').filter((r) => isOn(attributesOf(r).get('hidden') ?? '0'));
      if (rows.length > 0)
        findings.push(
          structural('hidden-rows', source, part, `有${rows.length}处隐藏行`, sheet ?? part),
        );
      const cols = startTags(text, 'col').filter((r) => isOn(attributesOf(r).get('hidden') ?? '0'));
      if (cols.length > 0)
        findings.push(
          structural('hidden-columns', source, part, `有${cols.length}处隐藏列`, sheet ?? part),
        );
    }
    const comments = startTags(text, 'comment').length + startTags(text, 'threadedComment').length;
    if (comments > 0 && /^xl\//i.test(part))
      findings.push(structural('docx-comment', source, part, `有${comments}条批注`));
  }
  const searchText = texts
    .filter((t) => /^xl\/(sharedStrings\.xml|worksheets\/)/i.test(t.part))
    .flatMap((t) => t.lines)
    .join('\n');
  return { parts: texts, findings, searchText };
}

/** Worksheet part path → its name and visibility, from the workbook and its relationships. */
function sheetsByPart(xml: Map<string, string>): Map<string, { name: string; state: string }> {
  const targets = new Map<string, string>();
  for (const rest of startTags(xml.get('xl/_rels/workbook.xml.rels') ?? '', 'Relationship')) {
    const a = attributesOf(rest);
    const target = a.get('Target') ?? '';
    const path = target.startsWith('/') ? target.slice(1) : posix.join('xl', target);
    targets.set(a.get('Id') ?? '', posix.normalize(path));
  }
  const out = new Map<string, { name: string; state: string }>();
  for (const rest of startTags(xml.get('xl/workbook.xml') ?? '', 'sheet')) {
    const a = attributesOf(rest);
    const part = targets.get(a.get('id') ?? '') ?? `（${a.get('name') ?? ''}）`;
    out.set(part, { name: a.get('name') ?? '', state: a.get('state') ?? 'visible' });
  }
  return out;
}
