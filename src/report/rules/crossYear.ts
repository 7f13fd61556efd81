/** R8 (carry-over continuity), R9 (stock continuity of 现行有效件数), R10 (no R9 across versions). */
import { type Finding, finding } from '../finding.ts';
import { applicantKeys, type CellKey, t3Key } from '../keys.ts';
import type { AnnualReport } from '../model.ts';
import { certainlyUnequal, label, show } from './cells.ts';

/** R8: this year's 上年结转 equals last year's 结转下年度 (error on 总计, warning per category). */
export function r8(report: AnnualReport, previous?: AnnualReport): Finding[] {
  if (!previous) return [];
  const out: Finding[] = [];
  for (const c of applicantKeys) {
    const now = t3Key('carryIn', c);
    const before = t3Key('carryOut', c);
    const merged: AnnualReport = {
      ...report,
      cells: { [now]: report.cells[now], [before]: previous.cells[before] },
    };
    const bad = certainlyUnequal(merged, [now], [before]);
    if (!bad) continue;
    out.push(
      finding(
        'R8',
        c === 'tot' ? 'error' : 'warning',
        `${label(report, now)}为${show(bad.left)}，但上一年度报告的${label(previous, before)}为${show(bad.right)}，二者应相等`,
        [now],
      ),
    );
  }
  return out;
}

/** R9: 现行有效件数 = last year's + 本年制发 − 本年废止; R10: skipped across format versions. */
export function r9(report: AnnualReport, previous?: AnnualReport): Finding[] {
  if (!previous) return [];
  if (previous.formatVersion !== report.formatVersion || report.formatVersion !== '2021') return [];
  const out: Finding[] = [];
  for (const k of ['reg', 'norm'] as const) {
    const valid = `t2.${k}.valid` as CellKey;
    const made = `t2.${k}.made` as CellKey;
    const repealed = `t2.${k}.repealed` as CellKey;
    const prev = previous.cells[valid];
    const now = report.cells[valid];
    const m = report.cells[made];
    const r = report.cells[repealed];
    if ([prev, now, m, r].some((v) => typeof v !== 'number')) continue;
    const expected = (prev as number) + (m as number) - (r as number);
    if (expected === now) continue;
    out.push(
      finding(
        'R9',
        'warning',
        `${label(report, valid)}为${now}，按上年${prev}＋本年制发${m}－本年废止${r}应为${expected}；如有文件到期失效或清理，请在报告中说明`,
        [valid, made, repealed],
      ),
    );
  }
  return out;
}
