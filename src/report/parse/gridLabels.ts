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
  const t3Columns = new Map<string, ApplicantKey>();
  for (const c of format.t3.columns) for (const t of texts(c.label)) t3Columns.set(t, c.key);
  const t4Outcomes = new Map<string, T4OutcomeKey>();
  for (const o of format.t4.outcomes) for (const t of texts(o.label)) t4Outcomes.set(t, o.key);
  const labels: FormatLabels = {
    t2Rows,
    t2Captions,
    t2Header: normalizeLabel(format.t2.groups[0].headerLabel.text),
    t3Rows,
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
