/**
 * Markdown → blocks: pipe tables become tables (one printed cell per pipe cell, no spans; a
 * merged cell's covered positions are empty), headings and paragraphs become text lines.
 */
import { type DocBlock, placeTable, type SourceCell } from './grid.ts';

function splitRow(line: string): SourceCell[] {
  const body = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  const cells: SourceCell[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && i + 1 < body.length) {
      current += body[++i];
    } else if (ch === '|') {
      cells.push({ text: current.trim() });
      current = '';
    } else current += ch;
  }
  cells.push({ text: current.trim() });
  return cells;
}

const rule = /^\s*\|?(\s*:?-{3,}:?\s*\|)*\s*:?-{3,}:?\s*\|?\s*$/;

export function markdownBlocks(markdown: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  let rows: SourceCell[][] = [];
  const flush = () => {
    if (rows.length > 0) blocks.push({ kind: 'table', table: placeTable(rows) });
    rows = [];
  };
  for (const raw of markdown.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('|')) {
      if (!rule.test(line)) rows.push(splitRow(line));
      continue;
    }
    flush();
    const text = line.replace(/^#{1,6}\s+/, '').replace(/\*\*/g, '');
    if (text) blocks.push({ kind: 'text', text });
  }
  flush();
  return blocks;
}
