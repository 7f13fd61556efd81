/**
 * The official table layouts (T2, T3, T4) as rows of printed cells with rowspan/colspan, derived
 * from the format data. T3 and T4 headers come from the format; T2's caption/header/data rows are
 * built here from its groups (the format gives columns and their colspans, not printed rows).
 */
import type { ReportFormat } from '../formats/types.ts';
import { applicantKeys, type CellKey, t3Key, t4GroupKeys, t4Key, t4OutcomeKeys } from '../keys.ts';

export type TableId = 't2' | 't3' | 't4';

/** A printed cell: a label (`text`) or a value (`key`). */
export interface LayoutSlot {
  text?: string;
  key?: CellKey;
  rowspan?: number;
  colspan?: number;
  /** True for header and caption cells (drawn bold / centred, repeated on page breaks). */
  header?: boolean;
  /** True for row labels of the stub (left-aligned). */
  stub?: boolean;
}

export interface TableLayout {
  id: TableId;
  /** Number of grid columns. */
  width: number;
  /** Number of leading rows that form the table header (0 for T2, whose captions repeat). */
  headerRows: number;
  rows: LayoutSlot[][];
}

function t2Layout(format: ReportFormat): TableLayout {
  const { width, groups } = format.t2;
  const rows: LayoutSlot[][] = [];
  for (const g of groups) {
    rows.push([{ text: g.caption.text, colspan: width, header: true }]);
    rows.push([
      { text: g.headerLabel.text, header: true },
      ...g.columns.map((c) => ({ text: c.label.text, colspan: c.colspan, header: true })),
    ]);
    for (const r of g.rows)
      rows.push([
        { text: r.label.text, stub: true },
        ...g.columns.map((c) => ({ key: `t2.${r.key}.${c.key}` as CellKey, colspan: c.colspan })),
      ]);
  }
  return { id: 't2', width, headerRows: 0, rows };
}

function t3Layout(format: ReportFormat): TableLayout {
  const { header, rows, stubWidth } = format.t3;
  const out: LayoutSlot[][] = header.map((row) => row.map((c) => ({ ...c, header: true })));
  for (const r of rows)
    out.push([
      ...r.stub.map((c) => ({ ...c, stub: true })),
      ...applicantKeys.map((a) => ({ key: t3Key(r.key, a) })),
    ]);
  return {
    id: 't3',
    width: stubWidth + applicantKeys.length,
    headerRows: header.length,
    rows: out,
  };
}

function t4Layout(format: ReportFormat): TableLayout {
  const header = format.t4.header.map((row) => row.map((c) => ({ ...c, header: true })));
  const data: LayoutSlot[] = [];
  for (const g of t4GroupKeys) for (const o of t4OutcomeKeys) data.push({ key: t4Key(g, o) });
  return { id: 't4', width: data.length, headerRows: header.length, rows: [...header, data] };
}

const cache = new WeakMap<ReportFormat, Record<TableId, TableLayout>>();

export function tableLayouts(format: ReportFormat): Record<TableId, TableLayout> {
  let layouts = cache.get(format);
  if (!layouts) {
    layouts = { t2: t2Layout(format), t3: t3Layout(format), t4: t4Layout(format) };
    cache.set(format, layouts);
  }
  return layouts;
}

/** Each printed cell with its grid position (row, column), rowspan/colspan resolved. */
export interface PlacedSlot extends LayoutSlot {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

export function placeSlots(layout: TableLayout): PlacedSlot[][] {
  const taken: boolean[][] = layout.rows.map(() => []);
  return layout.rows.map((row, r) => {
    let col = 0;
    return row.map((slot) => {
      while (taken[r][col]) col++;
      const rowspan = slot.rowspan ?? 1;
      const colspan = slot.colspan ?? 1;
      for (let dr = 0; dr < rowspan; dr++)
        for (let dc = 0; dc < colspan; dc++) if (taken[r + dr]) taken[r + dr][col + dc] = true;
      const placed = { ...slot, row: r, col, rowspan, colspan };
      col += colspan;
      return placed;
    });
  });
}
