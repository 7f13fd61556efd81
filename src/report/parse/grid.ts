/**
 * A document read from a structured file (HTML, DOCX, PDF, XLSX, Markdown) as blocks in reading
 * order: lines of text and tables of printed cells. Each printed cell knows its grid position,
 * so merged cells (rowspan/colspan) are resolved the way the source drew them.
 */

export interface SourceCell {
  text: string;
  rowspan?: number;
  colspan?: number;
}

export interface GridCell {
  text: string;
  /** Grid row and column of the cell's top-left corner. */
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

export interface GridTable {
  /** Printed cells, grouped by the row they start in, left to right. */
  rows: GridCell[][];
  width: number;
}

export type DocBlock = { kind: 'text'; text: string } | { kind: 'table'; table: GridTable };

/** Caps against hostile markup: spans beyond these are clamped. */
export const gridLimits = { maxColspan: 64, maxWidth: 256, maxCells: 200_000 } as const;

/** Resolve rowspan/colspan into grid positions (the HTML table model). */
export function placeTable(rows: SourceCell[][]): GridTable {
  const taken: Set<number>[] = rows.map(() => new Set());
  let width = 0;
  const placed = rows.map((row, r) => {
    let col = 0;
    return row.map((cell) => {
      while (taken[r].has(col)) col++;
      const rowspan = Math.max(1, Math.min(cell.rowspan ?? 1, rows.length - r));
      const colspan = Math.max(1, Math.min(cell.colspan ?? 1, gridLimits.maxColspan));
      if (col + colspan <= gridLimits.maxWidth)
        for (let dr = 0; dr < rowspan; dr++)
          for (let dc = 0; dc < colspan; dc++) taken[r + dr].add(col + dc);
      const out: GridCell = { text: cell.text, row: r, col, rowspan, colspan };
      col += colspan;
      width = Math.max(width, col);
      return out;
    });
  });
  return { rows: placed, width };
}

/** The text at every grid position (merged cells repeated), for header and stub lookups. */
export function expandTable(table: GridTable): string[][] {
  const grid = table.rows.map(() => new Array<string>(table.width).fill(''));
  for (const row of table.rows)
    for (const cell of row)
      for (let dr = 0; dr < cell.rowspan; dr++)
        for (let dc = 0; dc < cell.colspan; dc++) {
          const line = grid[cell.row + dr];
          if (line && cell.col + dc < table.width) line[cell.col + dc] = cell.text;
        }
  return grid;
}
