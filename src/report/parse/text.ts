/**
 * Text → AnnualReport: one cell per line (docx extraction, tab-indented), crawler-flattened text
 * (collapsed lines, fused digits) and PDF-to-markdown pipe tables. Cells are certain only when
 * the text and the table's 勾稽 rules leave a single reading.
 */
import { GongkaiError } from '../../errors.ts';
import { formatOf } from '../formats/index.ts';
import type { CellKey, FormatVersion, SectionKey } from '../keys.ts';
import { type AnnualReport, isUncertain, type Section } from '../model.ts';
import { detectIdentity } from './identity.ts';
import { detectLayout, type TextLayout } from './layout.ts';
import { checkTextLength } from './limits.ts';
import { findLabel, type NormalizedText, normalizeWithOffsets } from './normalized.ts';
import { otherAsOneRowMixing } from './otherRow.ts';
import { findHeadings, type HeadingMatch, sectionBodies } from './sections.ts';
import { type Region, readT2, readT3, readT4, type TableRead } from './tables.ts';
import { detectVersion, formatMixing } from './version.ts';

export interface ParseOptions {
  /** Force a format version instead of recognising it. */
  formatVersion?: FormatVersion;
}

export interface ParseResult {
  report: AnnualReport;
  /** Cells present in the source whose value could not be determined. */
  uncertain: CellKey[];
  /** Chinese notes on what the parser could not read or had to assume. */
  warnings: string[];
  /** The layout the text was read as. */
  layout: TextLayout;
}

function joinYear(whole: string, head: string, tail: string): string {
  return head.length + tail.length === 4 && /^(19|20)/.test(head + tail) ? head + tail : whole;
}

export function cleanText(text: string): string {
  return (
    text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/\u00a0/g, ' ')
      // Markdown table rules; `[ \t]`, not `\s`, so that a match never spans lines (runs of
      // blank lines made `\s*` backtrack quadratically — found by fuzzing).
      .replace(/^[ \t]*\|?([ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*[ \t]*$/gm, '')
      .replace(/\*\*/g, '')
      // A year a crawler split across lines (`20\n24年`, `202\n3\n年`) is one year.
      .replace(/(?<![\d.])(19|20|19\d|20\d)[ \t]*\n[ \t]*(\d{1,3})(?=[ \t]*\n?[ \t]*年)/g, joinYear)
  );
}

function region(
  headings: HeadingMatch[],
  key: SectionKey,
  fallbackFrom: number,
  length: number,
): Region {
  const index = headings.findIndex((h) => h.key === key);
  if (index < 0) {
    // The nearest heading after it (a heading printed out of order sits elsewhere in the list).
    let to = length;
    for (const h of headings) if (h.start > fallbackFrom && h.start < to) to = h.start;
    return { from: fallbackFrom, to };
  }
  const next = headings[index + 1];
  return { from: headings[index].end, to: next ? next.start : length };
}

const tableStarts: Partial<Record<SectionKey, string[]>> = {
  S2: ['第二十条'],
  S3: ['本列数据的勾稽关系', '申请人情况'],
  S4: ['行政复议'],
};

/** S2–S4 keep only the narrative printed before their table. */
function trimTables(nt: NormalizedText, sections: Partial<Record<SectionKey, Section>>) {
  for (const key of ['S2', 'S3', 'S4'] as const) {
    const section = sections[key];
    const starts = tableStarts[key];
    if (!section || !starts) continue;
    const sub = normalizeWithOffsets(section.text);
    const m = findLabel(sub, starts);
    if (m)
      section.text = section.text
        .slice(0, m.start)
        .replace(/[（(]\s*$/, '')
        .trim();
  }
  return nt;
}

export function parseText(input: string, opts: ParseOptions = {}): ParseResult {
  checkTextLength(input);
  const text = cleanText(input);
  const nt = normalizeWithOffsets(text);
  const layout = detectLayout(text);
  const warnings: string[] = [];
  const probe = findHeadings(nt, formatOf('2021'));
  const identity = detectIdentity(text, probe[0]?.start ?? -1);
  const guess = detectVersion(nt.text, identity.year);
  const version = opts.formatVersion ?? guess.version;
  const format = formatOf(version);
  // Both formats share the section headings: the probe usually is the answer.
  const headings = format.sections === formatOf('2021').sections ? probe : findHeadings(nt, format);
  // Without its heading, table 2 follows section 一 (莆田市统计局 2022).
  const t2Region = region(
    headings,
    'S2',
    headings.find((h) => h.key === 'S1')?.end ?? 0,
    text.length,
  );
  const t3Region = region(headings, 'S3', t2Region.from, text.length);
  const t4Region = region(headings, 'S4', t3Region.from, text.length);
  // The three readers fill one TableRead (their cell keys are disjoint), in table order.
  const read: TableRead = { cells: {}, notes: {}, warnings };
  const tableText = { nt, format, layout };
  readT2(tableText, t2Region, read);
  readT3(tableText, t3Region, read);
  readT4(tableText, t4Region, read);
  const { cells, notes: cellNotes } = read;
  if (headings.length === 0 && Object.keys(cells).length === 0)
    throw new GongkaiError(
      'report.unrecognized',
      '未能识别为政府信息公开工作年度报告：既没有找到“一、总体情况”等章节标题，也没有找到表格。',
    );
  if (!guess.fromLabels && !opts.formatVersion)
    warnings.push(`未能从表格标签判断格式版本，按报告年度推定为${version}年版`);
  if (identity.year === null) warnings.push('未能识别报告年度');
  if (!identity.agency) warnings.push('未能识别报告机关');
  const sections = sectionBodies(nt, headings);
  trimTables(nt, sections);
  const report: AnnualReport = {
    agency: identity.agency,
    year: identity.year,
    formatVersion: version,
    title: identity.title,
    preamble: text.slice(0, headings[0]?.start ?? 0).trim(),
    sections,
    cells,
  };
  if (Object.keys(cellNotes).length > 0) report.cellNotes = cellNotes;
  if (read.zeroOrBlank?.length) report.zeroOrBlank = read.zeroOrBlank;
  const mixing = formatMixing(nt.text.slice(t2Region.from, t3Region.to), version);
  if (read.otherAsOneRow) mixing.push(otherAsOneRowMixing);
  if (mixing.length > 0) report.formatMixing = mixing;
  const uncertainKeys = (Object.keys(cells) as CellKey[]).filter((k) => isUncertain(cells[k]));
  return { report, uncertain: uncertainKeys, warnings, layout };
}
