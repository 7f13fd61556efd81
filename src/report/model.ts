/**
 * The annual report model (《政府信息公开工作年度报告》), shared by parsers, renderers and checks.
 *
 * - `AnnualReport` holds the identity (agency, year, format version), the six sections S1–S6 as
 *   text and every table cell by its stable key (`t2.norm.made`, `t3.new.np`, `t4.rv.pending`, …;
 *   see `keys.ts` and the format data in `formats/`).
 * - `CellValue` keeps apart what the source printed: a number, a blank cell (`'blank'`, which is
 *   NOT zero), a `/` (`'slash'`), and a cell the parser could not determine (`Uncertain`, with the
 *   candidate values it could not choose between). A key absent from `cells` means the source has
 *   no such cell at all (e.g. the table is missing).
 * - Use `isCertainNumber`, `certainNumber` and `isUncertain` instead of `typeof` checks, so rules
 *   never treat an uncertain cell as a number.
 *
 * Example: `{ agency: '湘潭县信访局', year: 2021, formatVersion: '2021',
 *   sections: { S1: { heading: '一、总体情况', text: '…' } }, cells: { 't3.new.tot': 0 } }`.
 */
import type { CellKey, FormatVersion, SectionKey } from './keys.ts';

export type {
  ApplicantKey,
  CellKey,
  FormatVersion,
  OutcomeRowKey,
  SectionKey,
  T2CellKey,
  T3CellKey,
  T3RowKey,
  T4CellKey,
  T4GroupKey,
  T4OutcomeKey,
} from './keys.ts';

/** A cell the parser could not pin down. `candidates` lists the values it could not rule out. */
export interface Uncertain {
  uncertain: true;
  candidates: number[];
  /** The source text the cell was read from, when there is one (e.g. a fused `000`). */
  raw?: string;
  /** Why the value could not be pinned down (Chinese, shown to the user). */
  reason?: string;
}

/** A cell as printed: a number, an empty cell, a `/`, or undetermined. Blank is not zero. */
export type CellValue = number | 'blank' | 'slash' | Uncertain;

export type Cells = Partial<Record<CellKey, CellValue>>;

export interface Section {
  /** The heading as printed, e.g. `5、 存在的主要问题及改进情况`. */
  heading: string;
  /** The section body (for S2–S4 the table text is not repeated here). */
  text: string;
  /** 0-based position of the heading among the headings found in the source. */
  order?: number;
}

export interface AnnualReport {
  agency: string;
  /** The report year (the year reported on), or null when it could not be detected. */
  year: number | null;
  formatVersion: FormatVersion;
  title?: string;
  /** Text between the title and the first section (e.g. the 统计期限 preamble, site chrome). */
  preamble?: string;
  sections: Partial<Record<SectionKey, Section>>;
  cells: Cells;
  /** Source text of a cell when it carried more than a number (e.g. `2895.90元`, `16万`). */
  cellNotes?: Partial<Record<CellKey, string>>;
  /**
   * Cells read as 0 whose source may as well have been blank: crawled text collapses a run of
   * equal lines and drops empty cells, so the number is certain but 0 cannot be told from blank.
   */
  zeroOrBlank?: CellKey[];
  /**
   * What the tables print from the other format version (a 2019 label in a 2021 report, a 2021
   * table with （六）其他处理 as one row), in Chinese; R15 reports each.
   */
  formatMixing?: string[];
}

export function isUncertain(value: CellValue | undefined): value is Uncertain {
  return typeof value === 'object' && value !== null && value.uncertain === true;
}

export function isCertainNumber(value: CellValue | undefined): value is number {
  return typeof value === 'number';
}

/** The number of a cell when it is certain, otherwise undefined (blank, slash, uncertain, absent). */
export function certainNumber(value: CellValue | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** A certain value of any kind: a number, 'blank' or 'slash'. */
export function isCertain(value: CellValue | undefined): value is number | 'blank' | 'slash' {
  return value !== undefined && !isUncertain(value);
}

export function uncertain(candidates: number[], raw?: string): Uncertain {
  // A pair of equal candidates (a lines reading's 0 and blank) is the common case.
  const unique =
    candidates.length === 2 && candidates[0] === candidates[1]
      ? [candidates[0]]
      : [...new Set(candidates)].sort((a, b) => a - b);
  return raw === undefined
    ? { uncertain: true, candidates: unique }
    : { uncertain: true, candidates: unique, raw };
}

export function emptyReport(formatVersion: FormatVersion = '2021'): AnnualReport {
  return { agency: '', year: null, formatVersion, sections: {}, cells: {} };
}
