/** Reading T2, T3 and T4 out of a text region, row by row, with per-cell certainty. */
import { normalizeLabel } from '../formats/normalize.ts';
import type { ReportFormat } from '../formats/types.ts';
import {
  applicantKeys,
  type CellKey,
  type T3RowKey,
  t3Key,
  t4GroupKeys,
  t4Key,
  t4OutcomeKeys,
} from '../keys.ts';
import { type Cells, isUncertain } from '../model.ts';
import { type Chunks, toChunks, valueText } from './chunks.ts';
import { maxCombinations, solveColumns } from './columns.ts';
import type { TextLayout } from './layout.ts';
import { findNeedle, type NormalizedText } from './normalized.ts';
import { otherAsOneRowWarning, splitOtherRow } from './otherRow.ts';
import {
  type CellSpec,
  type Constraint,
  cellValues,
  type RowReading,
  readRow,
  type Slot,
} from './solve.ts';

/** What the three table readers (readT2, readT3, readT4) read; each fills the one TableRead it is given. */
export interface TableText {
  nt: NormalizedText;
  format: ReportFormat;
  layout: TextLayout;
}

export interface TableRead {
  cells: Cells;
  notes: Partial<Record<CellKey, string>>;
  warnings: string[];
  /** Cells read as 0 that the source may have left blank (a collapsed run of lines). */
  zeroOrBlank?: CellKey[];
  /** A 2021 table printed （六）其他处理 as one row (otherRow.ts). */
  otherAsOneRow?: boolean;
}

/** Why a cell of a layout stays undetermined (the `reason` of its Uncertain value). */
const reasons = {
  lines: '原文折叠了重复的行、省略了空单元格，该数字可对应多个单元格',
  fused: '原文相邻单元格的数字连在一起，有多种拆分方式',
  unreadable: '该行的数值无法读取',
  tooMany: `；表3各行读法的组合超过${maxCombinations}种，未再联立各列逐一核对`,
} as const;

export interface Region {
  from: number;
  to: number;
}

interface RowInput {
  keys: CellKey[];
  specs: CellSpec[];
  constraints: Constraint[];
  chunks: Chunks;
}

const numbering =
  /^(（[一二三四五六七八九十]）|\([一二三四五六七八九十]\)|[一二三四五六七八九十]、|\d{1,2}[.．、])/;

/** The strings to search for a label: as printed, variants, and without numbering when distinctive. */
export function searchTerms(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    out.add(t);
    const core = t.replace(numbering, '');
    if (core !== t && core.length >= 4) out.add(core);
  }
  return [...out];
}

/** A label's search terms (`searchTerms`), normalised for `findNeedle`. */
function needles(texts: readonly string[]): string[] {
  return searchTerms(texts).map(normalizeLabel);
}

interface T2Plan {
  caption: string[];
  specs: CellSpec[];
  rows: { label: string; needles: string[]; keys: CellKey[] }[];
}

interface T3Plan {
  key: T3RowKey;
  label: string;
  needles: string[];
  nextNumber: string | undefined;
  keys: CellKey[];
}

/** What the table readers search for and fill in, per format: the same for every report. */
interface FormatPlan {
  t2: T2Plan[];
  t3: T3Plan[];
}

const plans = new WeakMap<ReportFormat, FormatPlan>();

function planOf(format: ReportFormat): FormatPlan {
  let plan = plans.get(format);
  if (plan) return plan;
  plan = {
    t2: format.t2.groups.map((group) => ({
      caption: [group.caption.text, ...(group.caption.variants ?? [])].map(normalizeLabel),
      specs: group.columns.map((c) => ({ signed: c.signed, decimal: c.decimal })),
      rows: group.rows.map((row) => ({
        label: row.label.text,
        needles: needles([row.label.text, ...(row.label.variants ?? [])]),
        keys: group.columns.map((c) => `t2.${row.key}.${c.key}` as CellKey),
      })),
    })),
    t3: format.t3.rows.map((row, i) => {
      const leaf = row.path[row.path.length - 1];
      const next = format.t3.rows[i + 1];
      return {
        key: row.key,
        label: leaf.text,
        needles: needles([leaf.text, ...(leaf.variants ?? [])]),
        nextNumber: next ? /^(\d+)/.exec(next.path[next.path.length - 1].text)?.[1] : undefined,
        keys: applicantKeys.map((c) => t3Key(row.key, c)),
      };
    }),
  };
  plans.set(format, plan);
  return plan;
}

const t3Specs: CellSpec[] = applicantKeys.map(() => ({}));
const t4Keys = t4GroupKeys.flatMap((g) => t4OutcomeKeys.map((o) => t4Key(g, o)));
const t4Specs: CellSpec[] = t4Keys.map(() => ({}));

function rowValues(
  nt: NormalizedText,
  terms: readonly string[],
  cursor: number,
  region: Region,
  layout: TextLayout,
  nextNumber: string | undefined,
): { chunks: Chunks; end: number } | undefined {
  const m = findNeedle(nt, terms, cursor, region.to);
  if (!m) return undefined;
  let raw = valueText(nt.original, m.end, layout).slice(0, Math.max(0, region.to - m.end));
  if (layout === 'md' && inPipeRow(nt.original, m.end)) raw = raw.split('\n', 1)[0];
  return { chunks: toChunks(raw, layout, nextNumber), end: m.end };
}

/**
 * Whether a label ends inside a printed pipe row (`| 一、本年新收… | 32 | … |`): its values are
 * the rest of that line; the next line is another row (whose label may be printed elsewhere).
 */
function inPipeRow(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  return text.slice(start, at).trimStart().startsWith('|');
}

/** A pipe row with more cells than the table (a header split over extra columns): its trailing empty cells are padding. */
function withoutPadding(chunks: Chunks, width: number): Chunks {
  let n = chunks.chunks.length;
  while (n > width && chunks.chunks[n - 1].kind === 'blank') n--;
  return n === chunks.chunks.length ? chunks : { ...chunks, chunks: chunks.chunks.slice(0, n) };
}

/** A row whose printed values fit no reading: a warning quoting them, and its cells undetermined. */
function unreadable(out: TableRead, what: string, raw: string, keys: CellKey[]) {
  out.warnings.push(`${what}的数值无法读取：${raw || '（空）'}`);
  for (const key of keys)
    out.cells[key] = { uncertain: true, candidates: [], reason: reasons.unreadable };
}

function solverLayout(layout: TextLayout) {
  return layout === 'lines' ? 'lines' : 'fused';
}

function assign(out: TableRead, row: RowInput, solutions: Slot[][], reason: string) {
  const zeroOrBlank: number[] = [];
  const values = cellValues(solutions, row.keys.length, row.chunks.raw || undefined, zeroOrBlank);
  for (let i = 0; i < row.keys.length; i++) {
    const value = values[i];
    if (isUncertain(value)) value.reason = reason;
    out.cells[row.keys[i]] = value;
  }
  if (zeroOrBlank.length > 0)
    out.zeroOrBlank = [...(out.zeroOrBlank ?? []), ...zeroOrBlank.map((i) => row.keys[i])];
  for (const [index, unit] of row.chunks.units) {
    const key = row.keys[Math.min(index, row.keys.length - 1)];
    // The row as printed, on one line (a crawled row spans several).
    out.notes[key] = row.chunks.raw.replace(/\s+/g, ' ').trim().slice(0, 40) || unit;
  }
}

/**
 * Each row's readings. Rows printed alike with the same specs and constraints read alike, so a
 * table's rows share one reading per distinct printing (crawled tables repeat a lone `0` row after
 * row); the readings are never changed in place downstream.
 */
function readAll(_out: TableRead, rows: RowInput[], layout: TextLayout): RowReading[] {
  const seen = new Map<string, RowReading>();
  const out: RowReading[] = [];
  for (const r of rows) {
    const alike = r.specs === rows[0].specs && r.constraints === rows[0].constraints;
    const id = alike ? chunkId(r.chunks.chunks) : '';
    let reading = alike ? seen.get(id) : undefined;
    if (!reading) {
      reading = readRow(r.chunks.chunks, r.specs, solverLayout(layout), r.constraints);
      if (alike) seen.set(id, reading);
    }
    out.push(reading);
  }
  return out;
}

function chunkId(chunks: Chunks['chunks']): string {
  let id = '';
  for (const c of chunks)
    id += c.kind === 'text' ? `${c.text}\u0000` : c.kind === 'blank' ? '\u0001' : '\u0002';
  return id;
}

export function readT2(text: TableText, region: Region, out: TableRead): TableRead {
  const { nt, format, layout } = text;
  let cursor = region.from;
  for (const group of planOf(format).t2) {
    const caption = findNeedle(nt, group.caption, cursor, region.to);
    if (caption) cursor = caption.end;
    for (const row of group.rows) {
      const found = rowValues(nt, row.needles, cursor, region, layout, undefined);
      if (!found) {
        out.warnings.push(`表2未找到「${row.label}」行`);
        continue;
      }
      cursor = found.end;
      const input: RowInput = {
        keys: row.keys,
        specs: group.specs,
        constraints: [],
        chunks: withoutPadding(found.chunks, row.keys.length),
      };
      const [reading] = readAll(out, [input], layout);
      if (reading.solutions.length === 0) {
        unreadable(out, `表2「${row.label}」行`, found.chunks.raw, input.keys);
        continue;
      }
      assign(out, input, reading.solutions, reasons[solverLayout(layout)]);
    }
  }
  return out;
}

export function readT3(text: TableText, region: Region, out: TableRead): TableRead {
  const { nt, format, layout } = text;
  const rows: { key: T3RowKey; input: RowInput }[] = [];
  const missing: T3Plan[] = [];
  let cursor = region.from;
  let otherFrom = region.from;
  for (const row of planOf(format).t3) {
    if (row.key === 'o1') otherFrom = cursor;
    const found = rowValues(nt, row.needles, cursor, region, layout, row.nextNumber);
    if (!found) {
      missing.push(row);
      continue;
    }
    cursor = found.end;
    rows.push({ key: row.key, input: t3Row(row.keys, found.chunks) });
  }
  const other = otherAsOneRow(nt, format, missing, otherFrom, region, layout);
  if (other) rows.push(other);
  for (const row of missing)
    if (!other || !otherLeaves.has(row.key)) out.warnings.push(`表3未找到「${row.label}」行`);
  const readings = readAll(
    out,
    rows.map((r) => r.input),
    layout,
  );
  const { solutions: solved, truncated } = solveColumns(
    rows.map((r) => r.key),
    readings.map((r) => r.solutions),
    format.version,
    layout === 'lines',
  );
  rows.forEach((row, i) => {
    if (readings[i].inconsistent)
      out.warnings.push(`表3「${row.key}」行各列之和与总计不符，已按原文读取`);
    if (solved[i].length === 0) {
      unreadable(out, `表3「${row.key}」行`, row.input.chunks.raw, row.input.keys);
      return;
    }
    const reason = reasons[solverLayout(layout)] + (truncated ? reasons.tooMany : '');
    assign(out, row.input, solved[i], reason);
  });
  if (other) splitOther(out);
  return out;
}

const rowConstraints: Constraint[] = [{ target: 6, parts: [0, 1, 2, 3, 4, 5] }];

function t3Row(keys: CellKey[], chunks: Chunks): RowInput {
  return {
    keys,
    specs: t3Specs,
    constraints: rowConstraints,
    chunks: withoutPadding(chunks, keys.length),
  };
}

const otherLeaves = new Set<T3RowKey>(['o1', 'o2', 'o3']);
const otherCaption = [normalizeLabel('（六）其他处理')];
const otherKeys = applicantKeys.map((c) => t3Key('o', c));

/**
 * A 2021 table printing （六）其他处理 as one row, the way the 2019 format did: none of its three
 * rows is printed, and the caption after the row before them is followed by values. Read as the
 * row `o`, which `splitOther` then divides (otherRow.ts).
 */
function otherAsOneRow(
  nt: NormalizedText,
  format: ReportFormat,
  missing: T3Plan[],
  from: number,
  region: Region,
  layout: TextLayout,
): { key: T3RowKey; input: RowInput } | undefined {
  if (format.version !== '2021' || missing.filter((r) => otherLeaves.has(r.key)).length !== 3)
    return undefined;
  const found = rowValues(nt, otherCaption, from, region, layout, undefined);
  if (!found || found.chunks.chunks.length === 0) return undefined;
  return { key: 'o', input: t3Row(otherKeys, found.chunks) };
}

function splitOther(out: TableRead) {
  const renamed = splitOtherRow(out.cells);
  if (out.zeroOrBlank)
    out.zeroOrBlank = out.zeroOrBlank.flatMap((key) => renamed.get(key) ?? [key]);
  for (const [key, leaves] of renamed) {
    const note = out.notes[key];
    delete out.notes[key];
    if (note) out.notes[leaves[0]] = note;
  }
  out.warnings.push(otherAsOneRowWarning);
  out.otherAsOneRow = true;
}

export function readT4(text: TableText, region: Region, out: TableRead): TableRead {
  const { nt, layout } = text;
  const chunks: Chunks = { chunks: [], units: new Map(), raw: '' };
  let cursor = region.from;
  for (;;) {
    const m = findNeedle(nt, ['总计'], cursor, region.to);
    if (!m) break;
    cursor = m.end;
    const part = toChunks(
      valueText(nt.original, m.end, layout).slice(0, region.to - m.end),
      layout,
    );
    if (part.chunks.every((c) => c.kind === 'blank')) continue;
    chunks.chunks.push(...part.chunks);
    chunks.raw = `${chunks.raw} ${part.raw}`.trim();
  }
  const keys = t4Keys;
  if (chunks.chunks.length === 0) {
    out.warnings.push('表4未找到数值');
    return out;
  }
  const constraints = [0, 5, 10].map((b) => ({ target: b + 4, parts: [b, b + 1, b + 2, b + 3] }));
  const input: RowInput = { keys, specs: t4Specs, constraints, chunks };
  const reading = readRow(chunks.chunks, input.specs, solverLayout(layout), constraints);
  if (reading.solutions.length === 0) {
    unreadable(out, '表4', chunks.raw, keys);
    return out;
  }
  if (reading.inconsistent) out.warnings.push('表4各项之和与总计不符，已按原文读取');
  assign(out, input, reading.solutions, reasons[solverLayout(layout)]);
  return out;
}
