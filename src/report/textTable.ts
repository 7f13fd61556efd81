/** The report's tables as plain text in the official layout, for terminals (`gongkai check`). */
import { formatOf } from './formats/index.ts';
import { applicantKeys, type CellKey, t3Key, t4GroupKeys, t4Key, t4OutcomeKeys } from './keys.ts';
import type { AnnualReport, CellValue } from './model.ts';

function show(v: CellValue | undefined): string {
  if (v === undefined) return '—';
  if (typeof v === 'number') return String(v);
  if (v === 'blank') return '空';
  if (v === 'slash') return '/';
  return '?';
}

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

function grid(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  return rows
    .map((r) =>
      r
        .map((cell, c) => pad(cell, widths[c]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function textTables(report: AnnualReport): string {
  const format = formatOf(report.formatVersion);
  const cell = (k: string) => show(report.cells[k as CellKey]);
  const out: string[] = ['表2 主动公开政府信息情况'];
  for (const g of format.t2.groups) {
    out.push(`  ${g.caption.text}`);
    const rows = [[g.headerLabel.text, ...g.columns.map((c) => c.label.text)]];
    for (const r of g.rows)
      rows.push([r.label.text, ...g.columns.map((c) => cell(`t2.${r.key}.${c.key}`))]);
    out.push(grid(rows).replace(/^/gm, '    '));
  }
  out.push('', '表3 收到和处理政府信息公开申请情况（“?”为未能确定，“空”为空白）');
  const t3 = [['', ...format.t3.columns.map((c) => c.label.text)]];
  for (const r of format.t3.rows) {
    const leaf = r.path[r.path.length - 1].text.replace(/（区分处理的.*$/, '');
    t3.push([leaf.slice(0, 18), ...applicantKeys.map((c) => cell(t3Key(r.key, c)))]);
  }
  out.push(grid(t3).replace(/^/gm, '  '));
  out.push('', '表4 政府信息公开行政复议、行政诉讼情况');
  const t4 = [['', ...format.t4.outcomes.map((o) => o.label.text)]];
  for (const g of t4GroupKeys) {
    const group = format.t4.groups.find((x) => x.key === g)!;
    t4.push([group.label.text, ...t4OutcomeKeys.map((o) => cell(t4Key(g, o)))]);
  }
  out.push(grid(t4).replace(/^/gm, '  '));
  return out.join('\n');
}
