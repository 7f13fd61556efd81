/**
 * AnnualReport → Markdown. Pipe tables cannot merge cells, so a merged cell prints its text in
 * its top-left grid position and leaves the positions it covers empty (as Word's text export does).
 */
import type { AnnualReport } from '../model.ts';
import { reportBlocks } from './document.ts';
import { placeSlots, type TableLayout } from './layout.ts';
import { cellText } from './value.ts';

function escapeMd(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function tableGrid(report: AnnualReport, layout: TableLayout): string[][] {
  const grid = layout.rows.map(() => new Array<string>(layout.width).fill(''));
  for (const row of placeSlots(layout))
    for (const slot of row)
      grid[slot.row][slot.col] = slot.key ? cellText(report.cells[slot.key]) : (slot.text ?? '');
  return grid;
}

function markdownTable(report: AnnualReport, layout: TableLayout): string {
  const lines = tableGrid(report, layout).map((row) => `| ${row.map(escapeMd).join(' | ')} |`);
  const rule = `|${' --- |'.repeat(layout.width)}`;
  return [lines[0], rule, ...lines.slice(1)].join('\n');
}

export function renderMarkdown(report: AnnualReport): string {
  const parts = reportBlocks(report).map((block) => {
    switch (block.kind) {
      case 'title':
        return `# ${block.text}`;
      case 'heading':
        return `## ${block.text}`;
      case 'paragraph':
        return block.text;
      default:
        return markdownTable(report, block.layout);
    }
  });
  return `${parts.join('\n\n')}\n`;
}
