/**
 * An AnnualReport as a neutral list of blocks (title, paragraphs, headings, tables) in printed
 * order. Every renderer draws these blocks, so all formats carry the same content.
 */
import { formatOf } from '../formats/index.ts';
import type { AnnualReport } from '../model.ts';
import { type TableLayout, tableLayouts } from './layout.ts';

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'table'; layout: TableLayout };

/** The title as printed: composed from agency and year so that parsers read both back. */
export function reportTitle(report: AnnualReport): string {
  if (report.agency && report.year !== null)
    return `${report.agency}${report.year}年政府信息公开工作年度报告`;
  return report.title?.trim() || `${report.agency}政府信息公开工作年度报告`;
}

function paragraphs(text: string | undefined, skip: (line: string) => boolean = () => false) {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !skip(line))
    .map((line): Block => ({ kind: 'paragraph', text: line }));
}

const compact = (text: string) => text.replace(/\s+/g, '');

export function reportBlocks(report: AnnualReport): Block[] {
  const format = formatOf(report.formatVersion);
  const layouts = tableLayouts(format);
  const title = reportTitle(report);
  const blocks: Block[] = [{ kind: 'title', text: title }];
  // A parsed preamble may still hold the title lines; they are printed once, as the title.
  const inTitle = (line: string) => compact(title).includes(compact(line));
  blocks.push(...paragraphs(report.preamble, inTitle));
  for (const spec of format.sections) {
    const section = report.sections[spec.key];
    const heading = section?.heading.trim() || `${spec.numeral}、${spec.heading.text}`;
    blocks.push({ kind: 'heading', text: heading });
    blocks.push(...paragraphs(section?.text));
    if (spec.table) blocks.push({ kind: 'table', layout: layouts[spec.table] });
  }
  return blocks;
}
