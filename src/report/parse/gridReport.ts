/**
 * Blocks of a structured document (text lines + tables) → AnnualReport. Tables are mapped by
 * `mapTables`; identity, sections and the format version come from the same helpers the text
 * parser uses, applied to the text outside the tables.
 */
import { formatOf } from '../formats/index.ts';
import { normalizeLabel } from '../formats/normalize.ts';
import type { CellKey } from '../keys.ts';
import { type AnnualReport, isUncertain } from '../model.ts';
import type { DocBlock, GridTable } from './grid.ts';
import { mapTables } from './gridMap.ts';
import { detectIdentity } from './identity.ts';
import type { TextLayout } from './layout.ts';
import { normalizeWithOffsets } from './normalized.ts';
import { otherAsOneRowMixing } from './otherRow.ts';
import { findHeadings, sectionBodies } from './sections.ts';
import { type ParseOptions, parseText } from './text.ts';
import { detectVersion, formatMixing } from './version.ts';

export interface GridParseResult {
  report: AnnualReport;
  /** Cells present in the source whose value could not be determined. */
  uncertain: CellKey[];
  /** Chinese notes on what the parser could not read or had to assume. */
  warnings: string[];
  /** 'grid' when the tables were read as grids, else the text layout of the fallback. */
  layout: 'grid' | TextLayout;
}

const compact = (text: string) => text.replace(/\s+/g, '');

function preambleOf(text: string, end: number, title: string | undefined): string {
  const inTitle = (line: string) => !!title && compact(title).includes(compact(line));
  return text
    .slice(0, end)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !inTitle(l))
    .join('\n');
}

/** The document as text, table cells one per tab-indented line (the seed's DOCX-export shape). */
function flatText(blocks: DocBlock[]): string {
  return blocks
    .map((b) =>
      b.kind === 'text'
        ? b.text
        : b.table.rows.map((row) => row.map((c) => `\t${c.text}`).join('\n')).join('\n\n'),
    )
    .join('\n');
}

/**
 * Blocks → report. When no table maps (tables drawn without rules in a PDF, layout tables in a
 * web page), the text parser reads the same content laid out as text.
 */
export function reportFromBlocks(blocks: DocBlock[], opts: ParseOptions = {}): GridParseResult {
  const grid = gridReport(blocks, opts);
  if (grid && Object.keys(grid.report.cells).length > 0) return grid;
  try {
    return parseText(flatText(blocks), opts);
  } catch (error) {
    if (grid) return grid;
    throw error;
  }
}

function gridReport(blocks: DocBlock[], opts: ParseOptions): GridParseResult | undefined {
  const lines: string[] = [];
  const tables: GridTable[] = [];
  for (const b of blocks)
    if (b.kind === 'text') lines.push(b.text);
    else if (b.kind === 'table') tables.push(b.table);
  const text = lines.join('\n');
  const cellTexts: string[] = [];
  for (const t of tables) for (const r of t.rows) for (const c of r) cellTexts.push(c.text);
  const tableText = cellTexts.join('|');
  const nt = normalizeWithOffsets(text);
  const probe = findHeadings(nt, formatOf('2021'));
  const identity = detectIdentity(text, probe[0]?.start ?? -1);
  // normalizeLabel works character by character: the text's part is already in nt.text.
  const guess = detectVersion(`${nt.text}|${normalizeLabel(tableText)}`, identity.year);
  const version = opts.formatVersion ?? guess.version;
  const format = formatOf(version);
  const read = mapTables(tables, format);
  // Both formats share the section headings: the probe usually is the answer.
  const headings = format.sections === formatOf('2021').sections ? probe : findHeadings(nt, format);
  if (headings.length === 0 && Object.keys(read.cells).length === 0) return undefined;
  const warnings = [...read.warnings];
  if (!guess.fromLabels && !opts.formatVersion)
    warnings.push(`未能从表格标签判断格式版本，按报告年度推定为${version}年版`);
  if (identity.year === null) warnings.push('未能识别报告年度');
  if (!identity.agency) warnings.push('未能识别报告机关');
  const report: AnnualReport = {
    agency: identity.agency,
    year: identity.year,
    formatVersion: version,
    sections: sectionBodies(nt, headings),
    cells: read.cells,
  };
  if (identity.title) report.title = identity.title;
  const preamble = preambleOf(text, headings[0]?.start ?? 0, identity.title);
  if (preamble) report.preamble = preamble;
  if (Object.keys(read.notes).length > 0) report.cellNotes = read.notes;
  const mixing = formatMixing(normalizeLabel(tableText), version);
  if (read.otherAsOneRow) mixing.push(otherAsOneRowMixing);
  if (mixing.length > 0) report.formatMixing = mixing;
  const uncertain = (Object.keys(read.cells) as CellKey[]).filter((k) =>
    isUncertain(read.cells[k]),
  );
  return { report, uncertain, warnings, layout: 'grid' };
}
