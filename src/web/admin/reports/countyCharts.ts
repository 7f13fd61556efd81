/**
 * The figures behind the county page's three charts: outcomes of three years, this year's
 * publications per category, new applications per agency against last year. The chart and its
 * data table are both drawn from these objects. This year's figures come from the roll-up the
 * page has already built; the two earlier years from one grouped query (`t3ChartCounts`), not
 * from two more roll-ups.
 */

import type { Result } from '../../../cases/reportCells.ts';
import { publicationCounts } from '../../../db/annualFacts.ts';
import { type AgencyYearCounts, t3ChartCounts } from '../../../db/countyChartCounts.ts';
import type { Db } from '../../../db/database.ts';
import { OUTCOME_GROUP_ROWS } from '../../../law/keys.ts';
import { type AnnualReport, certainNumber } from '../../../report/model.ts';
import type { Rollup } from '../../../services/annual/rollup.ts';
import type { ChartData } from './charts.ts';

export interface CountyCharts {
  outcomes: ChartData;
  categories: ChartData;
  agencies: ChartData;
}

/** T3 result rows grouped as the chart shows them. */
export const OUTCOME_GROUPS: readonly (readonly [string, readonly string[]])[] = [
  ...OUTCOME_GROUP_ROWS,
  ['结转下年度', ['carryOut']],
];

const num = (r: AnnualReport, key: string) =>
  certainNumber(r.cells[key as keyof AnnualReport['cells']]) ?? 0;

/** What the charts read besides this year's reports: the two earlier years and the publications. */
export interface CountyChartFacts {
  earlier: Map<number, Map<number, AgencyYearCounts>>;
  publications: Awaited<ReturnType<typeof publicationCounts>>;
}

/** The charts' own queries; they need no report, so the county page runs them beside the build. */
export async function countyChartFacts(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<CountyChartFacts> {
  const [earlier, publications] = await Promise.all([
    t3ChartCounts(db, agencyIds, [year - 2, year - 1]),
    publicationCounts(db, agencyIds, year),
  ]);
  return { earlier, publications };
}

/** `rollup` is this year's roll-up, already computed for the page (and `facts`, when read). */
export async function countyCharts(
  db: Db,
  year: number,
  rollup: Rollup,
  facts?: CountyChartFacts,
): Promise<CountyCharts> {
  const years = [year - 2, year - 1, year];
  const { earlier, publications: counts } =
    facts ??
    (await countyChartFacts(
      db,
      rollup.parts.map((p) => p.agency.id),
      year,
    ));
  const resultsOf = (y: number) => (row: string) => {
    let n = 0;
    for (const c of earlier.get(y)!.values()) n += c.results[row as Result] ?? 0;
    return n;
  };
  const perYear = [
    resultsOf(year - 2),
    resultsOf(year - 1),
    (row: string) => num(rollup.aggregate, `t3.${row}.tot`),
  ];
  const outcomes: ChartData = {
    title: `各年度申请办理结果（全县，${years[0]}—${year}年）`,
    description: `堆叠柱状图：${years[0]}年至${year}年每年办理的政府信息公开申请，按办理结果分组（${OUTCOME_GROUPS.map(([name]) => name).join('、')}）。`,
    categoryLabel: '年度',
    categories: years.map((y) => `${y}年`),
    series: OUTCOME_GROUPS.map(([name, rows]) => ({
      name,
      data: perYear.map((count) => rows.reduce((s, row) => s + count(row), 0)),
    })),
  };
  const categories: ChartData = {
    title: `${year}年主动公开信息（按分类）`,
    description: `条形图：${year}年全县主动公开的信息条数，每个分类一条。`,
    categoryLabel: '分类',
    categories: counts.map((x) => x.name),
    series: [{ name: '条数', data: counts.map((x) => x.count) }],
  };
  // Matched by agency id: every part has an entry.
  const lastYear: Map<number, AgencyYearCounts> = earlier.get(year - 1)!;
  const agencies: ChartData = {
    title: `各单位新收申请数（${year - 1}年与${year}年同比）`,
    description: `条形图：每个单位${year - 1}年和${year}年新收的政府信息公开申请数，两年并排。`,
    categoryLabel: '单位',
    categories: rollup.parts.map((p) => p.agency.name),
    series: [
      { name: `${year - 1}年`, data: rollup.parts.map((p) => lastYear.get(p.agency.id)!.received) },
      { name: `${year}年`, data: rollup.parts.map((p) => num(p.report, 't3.new.tot')) },
    ],
  };
  return { outcomes, categories, agencies };
}
