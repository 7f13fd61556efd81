import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isGongkaiError } from '../../src/errors.ts';
import { checkReport } from '../../src/report/check.ts';
import type { CellKey } from '../../src/report/keys.ts';
import { parseFile } from '../../src/report/parse/index.ts';
import { corpusDir } from '../support/shared.ts';

const dir = new URL(`file://${corpusDir}`);

/**
 * Pinned per-file results: agency, year, format, certain cells, and the rule ids found.
 * `notes` rules are the inconsistencies the MANIFEST lists (they must stay found).
 */
const expected: Record<
  string,
  {
    agency: string;
    year: number;
    format: '2019' | '2021';
    certain: number;
    rules: string;
    notes: string[];
  }
> = {
  '001.txt': {
    agency: '沐阳县人民政府',
    year: 2025,
    format: '2021',
    certain: 172,
    rules: '',
    notes: [],
  },
  '002.txt': {
    agency: '上海市科委',
    year: 2024,
    format: '2021',
    certain: 111,
    // “科技计划资金资金分配结果信息”: 资金 printed twice.
    rules: 'R14 R7 artifact heading-number narrative-sum',
    notes: ['R7'],
  },
  '004.txt': {
    agency: '平潭综合实验区',
    year: 2023,
    format: '2021',
    certain: 197,
    rules: 'enumeration',
    notes: ['enumeration'],
  },
  '005.txt': {
    agency: '平潭综合实验区',
    year: 2019,
    format: '2019',
    certain: 179,
    rules: 'narrative-sum unit-in-cell',
    notes: [],
  },
  '006.txt': {
    agency: '平潭综合实验区',
    year: 2020,
    format: '2019',
    certain: 182,
    rules: 'R2 R6 narrative-sum unit-in-cell',
    notes: ['R2', 'unit-in-cell'],
  },
  '007.txt': {
    agency: '平潭综合实验区',
    year: 2021,
    format: '2021',
    certain: 197,
    // 2.4亿元 and 1.9亿元 of fees are plausible for 平潭: no fee-unit warning; “规范审核审核发布机制”.
    rules: 'artifact',
    notes: [],
  },
  '009.txt': {
    agency: '平潭综合实验区',
    year: 2024,
    format: '2021',
    certain: 197,
    // 2.4亿元 and 1.9亿元 of fees are plausible for 平潭: no fee-unit warning.
    rules: '',
    notes: [],
  },
  '011.txt': {
    agency: '莆田市民族与宗教事务局',
    year: 2024,
    format: '2021',
    certain: 200,
    rules: 'brackets',
    notes: [],
  },
  '013.txt': {
    agency: '莆田市科技局',
    year: 2019,
    format: '2019',
    certain: 195,
    rules: 'unit-in-cell',
    notes: [],
  },
  '014.txt': {
    agency: '莆田市城市管理局',
    year: 2022,
    format: '2021',
    certain: 180,
    rules: '',
    notes: [],
  },
  '016.txt': {
    agency: '莆田市应急管理局',
    year: 2021,
    format: '2021',
    certain: 185,
    rules: '',
    notes: [],
  },
  '017.txt': {
    agency: '莆田市城市管理局',
    year: 2020,
    format: '2019',
    certain: 198,
    rules: 'unit-in-cell year',
    notes: ['year'],
  },
  '018.txt': {
    agency: '莆田市水利局',
    year: 2022,
    format: '2021',
    certain: 180,
    rules: 'R14 brackets fee-unit',
    notes: ['fee-unit'],
  },
  '019.txt': {
    agency: '莆田市海洋与渔业局',
    year: 2020,
    format: '2019',
    certain: 180,
    rules: 'R14',
    notes: [],
  },
  '022.txt': {
    agency: '莆田市统计局',
    year: 2021,
    format: '2021',
    certain: 185,
    rules: 'R12 brackets narrative-sum',
    notes: ['narrative-sum'],
  },
  '024.txt': {
    agency: '莆田市应急管理局',
    year: 2024,
    format: '2021',
    certain: 178,
    rules: '',
    notes: [],
  },
  '026.txt': {
    agency: '莆田市文化和旅游局',
    year: 2020,
    format: '2019',
    certain: 175,
    // Section 五 announces “三个方面” and lists 一是, 二是.
    rules: 'brackets enumeration unit-in-cell',
    notes: [],
  },
  '027.txt': {
    agency: '莆田市民族与宗教事务局',
    year: 2021,
    format: '2021',
    certain: 200,
    rules: 'brackets',
    notes: ['brackets'],
  },
  '029.txt': {
    agency: '莆田市海洋与渔业局',
    year: 2025,
    format: '2021',
    certain: 198,
    rules: 'R14 narrative-sum',
    notes: ['narrative-sum'],
  },
  '032.txt': {
    agency: '莆田市林业局',
    year: 2022,
    format: '2021',
    certain: 197,
    rules: '',
    notes: [],
  },
};

/** Digits of a number as they must appear somewhere in the table text. */
function digits(n: number): string {
  return String(n);
}

for (const [file, want] of Object.entries(expected)) {
  test(`corpus ${file}: parsed and checked as pinned`, async () => {
    const path = new URL(file, dir).pathname;
    const { report } = await parseFile(path);
    const findings = checkReport(report);
    const certain = (Object.keys(report.cells) as CellKey[]).filter((k) => {
      const v = report.cells[k];
      return typeof v === 'number' || v === 'blank' || v === 'slash';
    });
    const rules = [...new Set(findings.map((f) => f.rule))].sort().join(' ');
    assert.deepEqual(
      {
        agency: report.agency,
        year: report.year,
        format: report.formatVersion,
        certain: certain.length,
        rules,
      },
      {
        agency: want.agency,
        year: want.year,
        format: want.format,
        certain: want.certain,
        rules: want.rules,
      },
    );
    for (const rule of want.notes) assert.ok(rules.split(' ').includes(rule), `${file}: ${rule}`);
    const compact = readFileSync(path, 'utf8').replace(/\s+/g, '');
    for (const key of certain) {
      const v = report.cells[key];
      if (typeof v === 'number' && v !== 0)
        assert.ok(compact.includes(digits(v)), `${file}: ${key}=${v} does not occur in the text`);
    }
  });
}

test('corpus 030.html: the original HTML (rowspan/colspan, &nbsp; cells) is read in full', async () => {
  const { report } = await parseFile(new URL('030.html', dir).pathname);
  assert.equal(report.agency, '上海市人民政府办公厅');
  assert.equal(report.cells['t3.total.np'], 767);
  assert.equal(report.cells['t3.open.tot'], 'blank');
  assert.equal(report.cells['t4.ld.upheld'], 8);
});

test('corpus 030.html: parseFile picks the HTML parser by extension and reads the Shanghai report', async () => {
  const { report, uncertain } = await parseFile(new URL('030.html', dir).pathname);
  assert.equal(report.agency, '上海市人民政府办公厅');
  assert.equal(report.formatVersion, '2019');
  assert.deepEqual(uncertain, []);
  assert.deepEqual(
    [report.cells['t3.new.tot'], report.cells['t3.carryIn.tot'], report.cells['t3.total.tot']],
    [859, 18, 805],
  );
});

test('a file type with no parser is refused with a clear error naming the supported types', async () => {
  await assert.rejects(
    parseFile(Buffer.from('{\\rtf1 一、总体情况}'), '报告.rtf'),
    (e: unknown) => {
      assert.ok(isGongkaiError(e));
      assert.equal(e.code, 'report.unsupported');
      assert.match(e.message, /暂不支持读取“\.rtf”格式的文件/);
      assert.match(e.message, /\.html/);
      return true;
    },
  );
});
