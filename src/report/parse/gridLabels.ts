/**
 * Label lookups of a format for grid mapping: which T2 row, T3 row, T3 column or T4 outcome a
 * printed cell names, after `normalizeLabel` (whitespace, widths, punctuation variants).
 */
import { normalizeLabel } from '../formats/normalize.ts';
import type { Label, ReportFormat, T2Group, T2Row, T3Row } from '../formats/types.ts';
import type { ApplicantKey, T4OutcomeKey } from '../keys.ts';

export interface FormatLabels {
  t2Rows: Map<string, { group: T2Group; row: T2Row }>;
  t2Captions: Set<string>;
  t2Header: string;
  t3Rows: Map<string, T3Row>;
  /** Numbered T3 leaves (`2.其他法律行政法规禁止公开`) by their number, for misprinted labels. */
  t3Numbered: Map<string, { bare: string; row: T3Row }[]>;
  /** 2021's （六）其他处理 caption, printed by some tables as one row like 2019's. */
  t3OtherCaption?: string;
  t3Columns: Map<string, ApplicantKey>;
  t3HeaderMarks: Set<string>;
  t4Outcomes: Map<string, T4OutcomeKey>;
  t4HeaderMarks: Set<string>;
}

function texts(label: Label): string[] {
  return [label.text, ...(label.variants ?? [])].map(normalizeLabel);
}

/** Strip a leading numbering such as `1.`, `（三）`, `三、` (for reports that drop it). */
export function withoutNumbering(text: string): string {
  return text.replace(/^(\([一二三四五六七八九十]\)|[一二三四五六七八九十]、|\d{1,2}[.、])/, '');
}

const cache = new WeakMap<ReportFormat, FormatLabels>();

export function formatLabels(format: ReportFormat): FormatLabels {
  const hit = cache.get(format);
  if (hit) return hit;
  const t2Rows = new Map<string, { group: T2Group; row: T2Row }>();
  const t2Captions = new Set<string>();
  for (const group of format.t2.groups) {
    for (const t of texts(group.caption)) t2Captions.add(t);
    for (const row of group.rows) for (const t of texts(row.label)) t2Rows.set(t, { group, row });
  }
  const t3Rows = new Map<string, T3Row>();
  for (const row of format.t3.rows) {
    const leaf = row.path[row.path.length - 1];
    for (const t of texts(leaf)) {
      t3Rows.set(t, row);
      const bare = withoutNumbering(t);
      if (bare.length >= 4 && !t3Rows.has(bare)) t3Rows.set(bare, row);
    }
  }
  const t3Numbered = new Map<string, { bare: string; row: T3Row }[]>();
  for (const row of format.t3.rows) {
    const [, number, bare] =
      /^(\d{1,2}\.)(.+)$/.exec(normalizeLabel(row.path[row.path.length - 1].text)) ?? [];
    if (number) t3Numbered.set(number, [...(t3Numbered.get(number) ?? []), { bare, row }]);
  }
  const other = format.t3.rows.find((r) => r.key === 'o1')?.path[1];
  const t3Columns = new Map<string, ApplicantKey>();
  for (const c of format.t3.columns) for (const t of texts(c.label)) t3Columns.set(t, c.key);
  const t4Outcomes = new Map<string, T4OutcomeKey>();
  for (const o of format.t4.outcomes) for (const t of texts(o.label)) t4Outcomes.set(t, o.key);
  const labels: FormatLabels = {
    t2Rows,
    t2Captions,
    t2Header: normalizeLabel(format.t2.groups[0].headerLabel.text),
    t3Rows,
    t3Numbered,
    t3OtherCaption: other && normalizeLabel(other.text),
    t3Columns,
    t3HeaderMarks: new Set([...texts(format.t3.note), normalizeLabel('申请人情况')]),
    t4Outcomes,
    t4HeaderMarks: new Set(
      ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'].map(normalizeLabel),
    ),
  };
  cache.set(format, labels);
  return labels;
}

/** `1、` printed for `1.` (normalizeLabel already turns `1．` into `1.`). */
function canonicalNumbering(text: string): string {
  return text.replace(/^(\d{1,2})、/, '$1.');
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * A numbered leaf whose printed words are the format's with some left out or added (a typo such
 * as `2.其他法律行政止公开`): taken only when the number agrees and exactly one leaf of that
 * number fits, so a doubtful label is never matched.
 */
function nearT3Row(labels: FormatLabels, text: string): T3Row | undefined {
  const [, number, bare] = /^(\d{1,2}\.)(.+)$/.exec(text) ?? [];
  if (!number) return undefined;
  const fits = (labels.t3Numbered.get(number) ?? []).filter((leaf) => {
    const [short, long] = bare.length <= leaf.bare.length ? [bare, leaf.bare] : [leaf.bare, bare];
    return short.length >= 3 && short.length >= long.length * 0.6 && isSubsequence(short, long);
  });
  return fits.length === 1 ? fits[0].row : undefined;
}

export interface T3Match {
  row: T3Row;
  /** False when the printed label differs from the format's beyond normalisation. */
  exact: boolean;
}

/** The T3 row a printed (normalised) label names, if any. */
export function t3RowOf(labels: FormatLabels, text: string): T3Match | undefined {
  const hit = labels.t3Rows.get(text);
  if (hit) return { row: hit, exact: true };
  // Most cells are values: only a text numbered `1.`/`1、`…`12.` may be a misprinted leaf.
  if (!numbered(text)) return undefined;
  const canonical = canonicalNumbering(text);
  const same = labels.t3Rows.get(canonical);
  if (same) return { row: same, exact: true };
  const near = nearT3Row(labels, canonical);
  return near && { row: near, exact: false };
}

function numbered(text: string): boolean {
  const mark = text.charCodeAt(1) === 0x2e || text.charCodeAt(1) === 0x3001 ? 1 : 2;
  const at = text.charCodeAt(mark);
  return (
    text.length > mark + 1 &&
    (at === 0x2e || at === 0x3001) &&
    /^\d{1,2}$/.test(text.slice(0, mark))
  );
}
