import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { type AnnualReport, certainNumber } from '../../src/report/model.ts';
import { rollupReport } from '../../src/services/annual/rollup.ts';
import { ChartFigure } from '../../src/web/admin/reports/chartFigure.tsx';
import { accessibleSvg, barChart, type ChartData } from '../../src/web/admin/reports/charts.ts';
import { countyCharts, OUTCOME_GROUPS } from '../../src/web/admin/reports/countyCharts.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

interface PrintedTable {
  caption: string;
  header: string[];
  rows: { label: string; values: number[] }[];
}

const htmlText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The chart figures of a page: id, caption, the SVG and the data table as printed. */
function figures(html: string) {
  return [...html.matchAll(/<figure class="chart" id="([^"]+)"[^>]*>([\s\S]*?)<\/figure>/g)].map(
    ([, id, body]) => {
      const table = body.match(/<table[\s\S]*?<\/table>/)?.[0] ?? '';
      const cells = (row: string, tag: string) =>
        [...row.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) =>
          htmlText(m[1]),
        );
      const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]);
      const printed: PrintedTable = {
        caption: htmlText(table.match(/<caption>([\s\S]*?)<\/caption>/)?.[1] ?? ''),
        header: cells(rows[0] ?? '', 'th'),
        rows: rows.slice(1).map((r) => ({
          label: cells(r, 'th')[0],
          values: cells(r, 'td').map(Number),
        })),
      };
      return {
        id,
        body,
        caption: htmlText(body.match(/<figcaption[^>]*>([\s\S]*?)<\/figcaption>/)?.[1] ?? ''),
        svg: body.match(/<svg[\s\S]*?<\/svg>/)?.[0] ?? '',
        table: printed,
      };
    },
  );
}

/** The table the chart's data should print as. */
function expectedTable(chart: ChartData): PrintedTable {
  return {
    caption: `${chart.title}（数据表）`,
    header: [chart.categoryLabel, ...chart.series.map((s) => s.name)],
    rows: chart.categories.map((label, i) => ({
      label,
      values: chart.series.map((s) => s.data[i]),
    })),
  };
}

describe('a chart with its text alternative', () => {
  const chart: ChartData = {
    title: '甲 & 乙 <年度>',
    description: '条形图：两个单位的申请数。',
    categoryLabel: '单位',
    categories: ['甲局', '乙局'],
    series: [
      { name: '2024年', data: [3, 0] },
      { name: '2025年', data: [7, 12] },
    ],
  };

  test('the SVG is one image named by its title and described by its desc', () => {
    const svg = barChart('c1', chart);
    assert.match(
      svg,
      /^<svg [^>]*role="img" aria-labelledby="c1-title" aria-describedby="c1-desc"><title id="c1-title">甲 &amp; 乙 &lt;年度&gt;<\/title><desc id="c1-desc">条形图：两个单位的申请数。<\/desc>/,
    );
    assert.doesNotMatch(svg, /\sstyle="|<style|<script/);
    assert.equal(accessibleSvg('<g></g>', 'x', 't', 'd'), '<g></g>', 'only an <svg> root is named');
  });

  test('the figure prints the same figures as a table under 数据表', () => {
    const html = String(ChartFigure({ id: 'c1', chart, svg: barChart('c1', chart) }));
    const [figure] = figures(html);
    assert.equal(figure.id, 'c1');
    assert.equal(figure.caption, chart.title);
    assert.match(figure.body, /<details class="chart-data"><summary>数据表<\/summary>/);
    assert.deepEqual(figure.table, expectedTable(chart));
    assert.deepEqual(figure.table.rows[1], { label: '乙局', values: [0, 12] });
  });

  test('a chart without data says so instead of an empty table', () => {
    const empty = { ...chart, categories: [], series: [{ name: '条数', data: [] }] };
    const html = String(ChartFigure({ id: 'c2', chart: empty, svg: barChart('c2', empty) }));
    assert.match(html, /<summary>数据表<\/summary><p class="muted">暂无数据<\/p><\/details>/);
    assert.match(barChart('c2', empty), /<text[^>]*>暂无数据<\/text>/, 'the plot area says so too');
    assert.doesNotMatch(html, /<table/);
  });
});

const num = (r: AnnualReport, key: string) =>
  certainNumber(r.cells[key as keyof AnnualReport['cells']]) ?? 0;

describeEachDatabase(
  'county charts',
  (database) => {
    for (const [county, user, year] of [
      ['xiangtan', 'xt-supervisor', 2025],
      ['shili', 'sl-supervisor', 2025],
    ] as const) {
      test(`${county} ${year}: each chart is named and its table holds the chart's numbers`, async () => {
        const { db } = database();
        const client = new TestClient(await demoApp(database()));
        await client.login(user, demoPassword);
        const res = await client.get(`/admin/${county}/county/${year}`);
        assert.equal(res.status, 200);
        const html = await res.text();
        const printed = figures(html);
        assert.deepEqual(
          printed.map((f) => f.id),
          ['chart-outcomes', 'chart-categories', 'chart-agencies'],
        );

        const government = (await findAgencyByCode(db, county))!;
        const rollup = await rollupReport(db, government, year);
        const charts = await countyCharts(db, year, rollup);
        const data = [charts.outcomes, charts.categories, charts.agencies];
        for (const [i, figure] of printed.entries()) {
          const chart = data[i];
          assert.equal(figure.caption, chart.title);
          assert.match(figure.svg, new RegExp(`role="img" aria-labelledby="${figure.id}-title"`));
          assert.ok(figure.svg.includes(`<title id="${figure.id}-title">${chart.title}</title>`));
          assert.ok(
            figure.svg.includes(`<desc id="${figure.id}-desc">${chart.description}</desc>`),
          );
          if (chart.categories.length === 0) {
            assert.match(figure.body, /暂无数据/);
            assert.doesNotMatch(figure.body, /<table/);
          } else {
            assert.deepEqual(figure.table, expectedTable(chart), figure.id);
          }
          for (const s of chart.series) assert.ok(figure.svg.includes(s.name), `legend ${s.name}`);
        }
        assert.ok(charts.agencies.categories.length > 0);
        if (county === 'shili') {
          assert.ok(charts.categories.categories.length > 0, '示例县 publishes in 2025');
        }
        assert.ok(
          charts.outcomes.series.some((s) => s.data.some((n) => n > 0)),
          'the demo county has decided applications',
        );

        // Against the roll-up itself: this year's outcome groups add up to the T3 results plus
        // the cases carried over, and the agencies' rows are the members' own T3 new counts.
        const thisYear = printed[0].table.rows.at(-1)!;
        assert.equal(thisYear.label, `${year}年`);
        assert.equal(
          thisYear.values.reduce((a, b) => a + b, 0),
          num(rollup.aggregate, 't3.total.tot') + num(rollup.aggregate, 't3.carryOut.tot'),
        );
        assert.deepEqual(
          printed[2].table.rows.map((r) => [r.label, r.values[1]]),
          rollup.parts.map((p) => [p.agency.name, num(p.report, 't3.new.tot')]),
        );
        // The earlier years come from one grouped query, not from roll-ups: they must equal the
        // full roll-up of each year (the outcome groups of its aggregate, each part's new count).
        const perYear = [
          await rollupReport(db, government, year - 2),
          await rollupReport(db, government, year - 1),
          rollup,
        ];
        assert.deepEqual(
          printed[0].table.rows.map((r) => r.values),
          perYear.map((r) =>
            OUTCOME_GROUPS.map(([, rows]) =>
              rows.reduce((s, row) => s + num(r.aggregate, `t3.${row}.tot`), 0),
            ),
          ),
        );
        assert.deepEqual(
          printed[2].table.rows.map((r) => [r.label, r.values[0]]),
          perYear[1].parts.map((p) => [p.agency.name, num(p.report, 't3.new.tot')]),
        );
        if (county === 'shili') {
          assert.ok(
            perYear[1].parts.some((p) => num(p.report, 't3.new.tot') > 0),
            '示例县 received applications last year',
          );
        }
        const section = html.slice(html.indexOf('<section class="panel charts">'));
        assert.doesNotMatch(section.slice(0, section.indexOf('</section>')), /\sstyle="|<script/);
      });
    }
  },
  { demo: true },
);
