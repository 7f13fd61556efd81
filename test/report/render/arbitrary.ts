/**
 * fast-check generators of AnnualReports for round-trip tests: any cell values (inconsistent
 * reports) or T3/T4 totals that add up (consistent reports), both format versions, section text
 * with characters that need escaping in HTML and Markdown.
 */
import fc from 'fast-check';
import { formatOf } from '../../../src/report/formats/index.ts';
import {
  applicantLeafKeys,
  type CellKey,
  type FormatVersion,
  t3Key,
  t4GroupKeys,
  t4Key,
} from '../../../src/report/keys.ts';
import {
  type AnnualReport,
  type Cells,
  type CellValue,
  uncertain,
} from '../../../src/report/model.ts';

const agencies = fc
  .tuple(
    fc.constantFrom('湘潭县', '上海市', '平潭综合实验区', '莆田市', '沭阳县', '长春市二道区'),
    fc.constantFrom('信访局', '人民政府办公室', '科学技术局', '林业局', '城市管理局', '统计局'),
  )
  .map(([a, b]) => a + b);

const sentences = fc.constantFrom(
  '本年度认真贯彻落实《中华人民共和国政府信息公开条例》。',
  '全年主动公开政府信息64条，其中工作动态58条。',
  '严格落实“三审三校”制度 & 保密审查 <要求>。',
  '公开渠道包括网站、公报 | 政务新媒体等。',
  '无。',
  '未收取信息处理费。',
);

const sectionText = fc.array(sentences, { minLength: 0, maxLength: 3 }).map((s) => s.join('\n'));

function valueArb(key: CellKey, withUncertain: boolean): fc.Arbitrary<CellValue> {
  const decimal = key === 't2.fee.amountWan' || key === 't2.proc.amount';
  const signed = key.endsWith('.change');
  const number = decimal
    ? fc.integer({ min: 0, max: 9_999_999 }).map((n) => n / 100)
    : fc.integer({ min: signed ? -500 : 0, max: 99_999 });
  const choices: fc.Arbitrary<CellValue>[] = [
    number,
    number,
    number,
    fc.constant('blank'),
    fc.constant('slash'),
  ];
  if (withUncertain) choices.push(fc.constant(uncertain([1, 10])));
  return fc.oneof(...choices);
}

function sum(cells: Cells, keys: CellKey[]): number {
  return keys.reduce(
    (acc, k) => acc + (typeof cells[k] === 'number' ? (cells[k] as number) : 0),
    0,
  );
}

/** Make T3 row totals, the (七)总计 row, carry-over and T4 group totals add up. */
function makeConsistent(report: AnnualReport): AnnualReport {
  const cells = { ...report.cells };
  const format = formatOf(report.formatVersion);
  const rows = format.t3.rows.map((r) => r.key);
  const results = rows.slice(rows.indexOf('open'), rows.indexOf('total'));
  for (const a of applicantLeafKeys) {
    cells[t3Key('total', a)] = sum(
      cells,
      results.map((r) => t3Key(r, a)),
    );
    const carryIn = Math.min(sum(cells, [t3Key('carryIn', a)]), sum(cells, [t3Key('total', a)]));
    cells[t3Key('carryIn', a)] = carryIn;
    cells[t3Key('new', a)] = sum(cells, [t3Key('total', a), t3Key('carryOut', a)]) - carryIn;
  }
  for (const r of rows)
    cells[t3Key(r, 'tot')] = sum(
      cells,
      applicantLeafKeys.map((a) => t3Key(r, a)),
    );
  for (const g of t4GroupKeys)
    cells[t4Key(g, 'total')] = sum(
      cells,
      (['upheld', 'corrected', 'other', 'pending'] as const).map((o) => t4Key(g, o)),
    );
  return { ...report, cells };
}

export interface ReportArbOptions {
  consistent?: boolean;
  /** Include undetermined cells (renderers print them as `?`). */
  withUncertain?: boolean;
}

export function reportArb(opts: ReportArbOptions = {}): fc.Arbitrary<AnnualReport> {
  return fc.constantFrom<FormatVersion>('2021', '2019').chain((formatVersion) => {
    const keys = formatOf(formatVersion).cellKeys;
    const cells = fc.tuple(...keys.map((k) => valueArb(k, opts.withUncertain ?? false)));
    return fc
      .record({
        agency: agencies,
        year: fc.integer({ min: 2015, max: 2035 }),
        cells,
        s1: sectionText,
        s5: sectionText,
        s6: sectionText,
      })
      .map(({ agency, year, cells: values, s1, s5, s6 }) => {
        const report: AnnualReport = {
          agency,
          year,
          formatVersion,
          sections: {
            S1: { heading: '一、总体情况', text: s1 },
            S5: { heading: '五、存在的主要问题及改进情况', text: s5 },
            S6: { heading: '六、其他需要报告的事项', text: s6 },
          },
          cells: Object.fromEntries(keys.map((k, i) => [k, values[i]])),
        };
        return opts.consistent ? makeConsistent(report) : report;
      });
  });
}
