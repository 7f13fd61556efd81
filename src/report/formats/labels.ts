/** Chinese names of cells for messages, e.g. 表3「（七）总计」行「总计」列. */
import type { CellKey, FormatVersion } from '../keys.ts';
import { formatOf } from './index.ts';
import type { Label } from './types.ts';

function shortRow(path: readonly Label[]): string {
  const leaf = path[path.length - 1].text.replace(/（区分处理的.*）$/, '');
  return path.length === 3 ? `${path[1].text}·${leaf}` : leaf;
}

/** A readable Chinese name of a cell, naming its table, row and column labels. */
export function cellLabel(key: CellKey, version: FormatVersion = '2021'): string {
  const format = formatOf(version);
  const [table, row, column] = key.split('.');
  if (table === 't2') {
    for (const f of [format, formatOf(version === '2021' ? '2019' : '2021')])
      for (const g of f.t2.groups) {
        const r = g.rows.find((x) => x.key === row);
        const c = g.columns.find((x) => x.key === column);
        if (r && c) return `表2「${r.label.text}」行「${c.label.text}」列`;
      }
    return key;
  }
  if (table === 't3') {
    const r =
      format.t3.rows.find((x) => x.key === row) ??
      formatOf('2019').t3.rows.find((x) => x.key === row);
    const c = format.t3.columns.find((x) => x.key === column);
    return `表3「${r ? shortRow(r.path) : row}」行「${c?.label.text ?? column}」列`;
  }
  const g = format.t4.groups.find((x) => x.key === row);
  const o = format.t4.outcomes.find((x) => x.key === column);
  const group = g ? `${g.parent ? `${g.parent.text}·` : ''}${g.label.text}` : row;
  return `表4「${group}」「${o?.label.text ?? column}」`;
}
