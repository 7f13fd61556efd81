/**
 * A report format as data: enough for a parser to recognise labels and for a renderer to draw
 * the official layout (header rows with rowspan/colspan, row stubs, value columns).
 */
import type {
  ApplicantKey,
  CellKey,
  FormatVersion,
  SectionKey,
  T3RowKey,
  T4GroupKey,
  T4OutcomeKey,
} from '../keys.ts';

/** A label as printed in the template, with variants and typos seen in real reports. */
export interface Label {
  text: string;
  variants?: readonly string[];
}

/** One printed cell of a header or a row stub. */
export interface LayoutCell {
  text: string;
  rowspan?: number;
  colspan?: number;
}

export interface SectionSpec {
  key: SectionKey;
  /** Chinese ordinal that must open the heading: 一 … 六. */
  numeral: string;
  heading: Label;
  /** True for S2–S4, whose body is a table. */
  table?: 't2' | 't3' | 't4';
}

export interface T2Column {
  key: string;
  label: Label;
  /** Extra columns spanned so that every group has the same width. */
  colspan?: number;
  /** Printed unit, e.g. 万元. */
  unit?: string;
  /** True when the value may be negative (2019 本年增/减). */
  signed?: boolean;
  /** True when the value may be a decimal (amounts of money). */
  decimal?: boolean;
}

export interface T2Row {
  key: string;
  label: Label;
}

/** One stacked sub-table of T2: caption row, header row, data rows. Cell = `t2.<row>.<column>`. */
export interface T2Group {
  caption: Label;
  headerLabel: Label;
  columns: readonly T2Column[];
  rows: readonly T2Row[];
}

export interface T2Spec {
  title: Label;
  /** Number of grid columns (label column included). */
  width: number;
  groups: readonly T2Group[];
}

export interface T3Column {
  key: ApplicantKey;
  label: Label;
}

export interface T3Row {
  key: T3RowKey;
  /** Label path from the outer block to the leaf, e.g. ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']. */
  path: readonly Label[];
  /** The stub cells printed at the start of this row in the official layout. */
  stub: readonly LayoutCell[];
}

export interface T3Spec {
  title: Label;
  /** The 勾稽 note printed in the top-left header cell. */
  note: Label;
  /** Header rows above the data (stub header included), with rowspan/colspan. */
  header: readonly (readonly LayoutCell[])[];
  /** Stub width in grid columns (3). */
  stubWidth: number;
  columns: readonly T3Column[];
  rows: readonly T3Row[];
}

export interface T4Group {
  key: T4GroupKey;
  label: Label;
  /** Parent label (行政诉讼) for the two litigation groups. */
  parent?: Label;
}

export interface T4Spec {
  title: Label;
  header: readonly (readonly LayoutCell[])[];
  groups: readonly T4Group[];
  outcomes: readonly { key: T4OutcomeKey; label: Label }[];
}

export interface ReportFormat {
  version: FormatVersion;
  /** The notice that issued the format. */
  source: string;
  /** Report years this format is meant for (inclusive; `to` null = still current). */
  years: { from: number; to: number | null };
  sections: readonly SectionSpec[];
  t2: T2Spec;
  t3: T3Spec;
  t4: T4Spec;
  /** Every cell key of the format in reading order (T2, T3 row by row, T4). */
  cellKeys: readonly CellKey[];
  /** Label fragments whose presence identifies this format (§1.6 fingerprint). */
  fingerprints: readonly string[];
}
