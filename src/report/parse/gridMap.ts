/**
 * Tables of printed cells → report cells. Rows are recognised by their labels (the T2 row label,
 * the T3 leaf label), not by position, so split tables, repeated headers after a page break and
 * Word's irregular colspans all map the same way. Values are taken in order when the row has
 * exactly the expected number of value cells, otherwise by the grid columns of the header labels.
 */
import { normalizeLabel } from '../formats/normalize.ts';
import type { ReportFormat, T2Group, T2Row } from '../formats/types.ts';
import {
  type ApplicantKey,
  applicantKeys,
  type CellKey,
  type T3RowKey,
  type T4OutcomeKey,
  t3Key,
  t4GroupKeys,
  t4Key,
} from '../keys.ts';
import type { Cells } from '../model.ts';
import type { GridCell, GridTable } from './grid.ts';
import { type FormatLabels, formatLabels, t3RowOf } from './gridLabels.ts';
import { readCellValue } from './gridValue.ts';
import { otherAsOneRowWarning, splitOtherRow } from './otherRow.ts';

export interface GridRead {
  cells: Cells;
  notes: Partial<Record<CellKey, string>>;
  warnings: string[];
  /** A 2021 table printed （六）其他处理 as one row (see `otherAsOneRow`). */
  otherAsOneRow?: boolean;
}

const reviewLabel = normalizeLabel('行政复议');

interface HeaderCell {
  text: string;
  col: number;
}

interface State {
  labels: FormatLabels;
  out: GridRead;
  t2Header: HeaderCell[];
  t3Columns: Partial<Record<ApplicantKey, number>>;
  t4Header: { key: T4OutcomeKey; col: number }[];
  t4Open: boolean;
}

function put(state: State, key: CellKey, cell: GridCell | undefined) {
  if (!cell) {
    state.out.warnings.push(`表格中找不到单元格 ${key} 的位置`);
    return;
  }
  const { value, note } = readCellValue(cell.text);
  state.out.cells[key] = value;
  if (note) state.out.notes[key] = note;
  else delete state.out.notes[key];
}

function covering(cells: GridCell[], col: number): GridCell | undefined {
  return cells.find((c) => c.col <= col && col < c.col + c.colspan);
}

/** Assign values to keys: in order when the counts agree, else by header columns. */
function assign(
  state: State,
  keys: CellKey[],
  values: GridCell[],
  columns: (number | undefined)[],
) {
  if (values.length === keys.length) {
    for (const [i, k] of keys.entries()) put(state, k, values[i]);
    return;
  }
  if (columns.every((c) => c !== undefined)) {
    for (const [i, k] of keys.entries()) put(state, k, covering(values, columns[i] as number));
    return;
  }
  state.out.warnings.push(`表格行的数值个数（${values.length}）与应有的列数（${keys.length}）不符`);
  const take = values.length > keys.length ? values.slice(0, keys.length) : values;
  for (const [i, k] of keys.entries()) put(state, k, take[i]);
}

// The cell keys and column labels of a row are the same in every report: built once.
const t3Keys = new Map<T3RowKey, CellKey[]>();
const t2Keys = new WeakMap<T2Group, Map<T2Row, CellKey[]>>();
const t2Names = new WeakMap<T2Group, string[][]>();

function t3RowKeys(row: T3RowKey): CellKey[] {
  let keys = t3Keys.get(row);
  if (!keys) {
    keys = applicantKeys.map((a) => t3Key(row, a));
    t3Keys.set(row, keys);
  }
  return keys;
}

function t2RowKeys(group: T2Group, row: T2Row): CellKey[] {
  let byRow = t2Keys.get(group);
  if (!byRow) {
    byRow = new Map();
    t2Keys.set(group, byRow);
  }
  let keys = byRow.get(row);
  if (!keys) {
    keys = group.columns.map((c) => `t2.${row.key}.${c.key}` as CellKey);
    byRow.set(row, keys);
  }
  return keys;
}

/** Each column's label and variants, normalised. */
function t2ColumnNames(group: T2Group): string[][] {
  let names = t2Names.get(group);
  if (!names) {
    names = group.columns.map((c) =>
      [c.label.text, ...(c.label.variants ?? [])].map(normalizeLabel),
    );
    t2Names.set(group, names);
  }
  return names;
}

function t3Row(state: State, row: GridCell[], norm: string[]): boolean {
  for (let at = norm.length - 1; at >= 0; at--) {
    const match = t3RowOf(state.labels, norm[at]);
    if (match) {
      if (at === row.length - 1) return false;
      if (!match.exact)
        state.out.warnings.push(
          `表格行标签“${row[at].text}”与规定的“${match.row.path[match.row.path.length - 1].text}”不一致，按编号对应到该行`,
        );
      assignT3(state, match.row.key, row.slice(at + 1));
      return true;
    }
    if (norm[at] === state.labels.t3OtherCaption && at < row.length - 1) {
      otherAsOneRow(state, row.slice(at + 1));
      return true;
    }
  }
  return false;
}

function assignT3(state: State, key: T3RowKey, values: GridCell[]) {
  assign(
    state,
    t3RowKeys(key),
    values,
    applicantKeys.map((a) => state.t3Columns[a]),
  );
}

/** A 2021 table printing （六）其他处理 as one row, the way the 2019 format did (otherRow.ts). */
function otherAsOneRow(state: State, values: GridCell[]) {
  assignT3(state, 'o', values);
  state.out.warnings.push(otherAsOneRowWarning);
  splitOtherRow(state.out.cells);
  state.out.otherAsOneRow = true;
}

function t2Row(state: State, row: GridCell[], norm: string[]): boolean {
  const at = norm.findIndex((t) => state.labels.t2Rows.has(t));
  if (at < 0) return false;
  const hit = state.labels.t2Rows.get(norm[at]);
  if (!hit) return false;
  const { group, row: spec } = hit;
  const keys = t2RowKeys(group, spec);
  const columns = t2ColumnNames(group).map(
    (names) => state.t2Header.find((h) => names.includes(h.text))?.col,
  );
  assign(state, keys, row.slice(at + 1), columns);
  return true;
}

function headerRow(state: State, row: GridCell[], norm: string[]): boolean {
  const { labels } = state;
  if (norm.some((t) => labels.t2Captions.has(t))) return true;
  if (norm[0] === labels.t2Header) {
    state.t2Header = row.slice(1).map((c, i) => ({ text: norm[i + 1], col: c.col }));
    return true;
  }
  if (norm.some((t) => labels.t3HeaderMarks.has(t))) {
    state.t3Columns = {};
    state.t4Open = false;
  }
  const applicants = row.flatMap((_, i) => (labels.t3Columns.has(norm[i]) ? [i] : []));
  const hasT4 = norm.some((t) => labels.t4HeaderMarks.has(t));
  if (hasT4) {
    if (norm.includes(reviewLabel)) state.t4Header = [];
    state.t4Open = true;
  }
  const outcomes = row.flatMap((_, i) => (labels.t4Outcomes.has(norm[i]) ? [i] : []));
  if (state.t4Open && outcomes.length > 0)
    for (const i of outcomes)
      state.t4Header.push({ key: labels.t4Outcomes.get(norm[i]) as T4OutcomeKey, col: row[i].col });
  else
    for (const i of applicants)
      state.t3Columns[labels.t3Columns.get(norm[i]) as ApplicantKey] = row[i].col;
  const empty = norm.every((t) => t === '') && !state.t4Open;
  return hasT4 || outcomes.length > 0 || applicants.length > 0 || empty;
}

const t4RowKeys: CellKey[] = t4GroupKeys.flatMap((g) =>
  (['upheld', 'corrected', 'other', 'pending', 'total'] as const).map((o) => t4Key(g, o)),
);

function t4Row(state: State, row: GridCell[]) {
  const keys = t4RowKeys;
  const header = [...state.t4Header].sort((a, b) => a.col - b.col);
  const columns =
    header.length === keys.length ? header.map((h) => h.col) : keys.map(() => undefined);
  assign(state, keys, row, columns);
  state.t4Open = false;
}

function mapRow(state: State, row: GridCell[]) {
  const norm = row.map((c) => normalizeLabel(c.text));
  if (t3Row(state, row, norm) || t2Row(state, row, norm)) return;
  if (headerRow(state, row, norm)) return;
  if (state.t4Open && row.length >= 5) t4Row(state, row);
}

export function mapTables(tables: GridTable[], format: ReportFormat): GridRead {
  const state: State = {
    labels: formatLabels(format),
    out: { cells: {}, notes: {}, warnings: [] },
    t2Header: [],
    t3Columns: {},
    t4Header: [],
    t4Open: false,
  };
  for (const table of tables) for (const row of table.rows) mapRow(state, row);
  return state.out;
}
