import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { legacyDate, readLegacyRows } from '../../src/catalog/legacyImport.ts';
import { readCsv } from '../../src/catalog/legacyTable.ts';
import { upsertAgency } from '../../src/db/agencies.ts';
import { listCategories } from '../../src/db/catalogCategories.ts';
import { importLegacyItems } from '../../src/db/catalogImport.ts';
import { openDatabase } from '../../src/db/open.ts';
import { publications } from '../../src/db/schema/catalog.ts';
import { createApp } from '../../src/web/app.tsx';
import { gongkai, gongkaiInProcess, migratedDataDir } from '../support/cli.ts';
import { describeEachDatabase } from '../support/databases.ts';

/** A syntactically valid 18-digit 公民身份号码 (GB 11643 check digit). */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

const header = [
  '索引号',
  '信息名称',
  '所属栏目',
  '发布机构',
  '文号',
  '成文日期',
  '发布日期',
  '有效性',
  '正文',
];
const rows = [
  [
    '430321-XF-2019-0001',
    '关于调整来访接待时间的通知',
    '通知公告',
    '',
    '',
    '2019年3月1日',
    '2019/3/2',
    '有效',
    '接待时间调整。',
  ],
  [
    '430321-XF-2019-0002',
    '2018年度部门预算公开说明',
    '财政预决算',
    '',
    '湘信发〔2019〕3号',
    '2019-01-20',
    '20190125',
    '',
    '预算。',
  ],
  [
    '430321-XF-2019-0003',
    '信访工作简报第5期',
    '工作简报',
    '',
    '',
    '2019-04-01',
    '2019-04-02',
    '',
    '简报。',
  ],
  [
    '430321-XF-2019-0004',
    '关于某信访事项的处理意见',
    '通知公告',
    '',
    '',
    '2019-05-01',
    '2019-05-06',
    '',
    `身份证号${idNumber('43032119800101123')}。`,
  ],
  ['430321-XF-2019-0005', '日期错误的信息', '通知公告', '', '', '', '2019-02-30', '', ''],
  [
    '',
    '局领导分工调整',
    '领导分工',
    '',
    '',
    '2019-06-10',
    '2019-06-11',
    '废止',
    '局长主持全面工作。',
  ],
  ['430321-XF-2019-0001', '重复的索引号', '通知公告', '', '', '2019-07-01', '2019-07-01', '', ''],
];
const categories = [
  { id: 1, slug: 'tzgg', name: '通知公告' },
  { id: 2, slug: 'czxx', name: '财政信息' },
  { id: 3, slug: 'ldxx', name: '领导信息' },
  { id: 4, slug: 'gzdt', name: '工作动态' },
];

test('legacy rows: fields by Chinese header, dates normalised, every refused row with its reason', () => {
  const reading = readLegacyRows([header, ...rows], [1, 2, 3, 4, 5, 6, 7, 8], {
    categories,
    agencyName: '湘潭县信访局',
  });
  assert.deepEqual(
    reading.items.map((i) => [
      i.line,
      i.indexNumber,
      i.categoryId,
      i.madeOn,
      i.publishedOn,
      i.validity,
    ]),
    [
      [2, '430321-XF-2019-0001', 1, '2019-03-01', '2019-03-02', 'valid'],
      [3, '430321-XF-2019-0002', 2, '2019-01-20', '2019-01-25', 'valid'],
      [7, null, 3, '2019-06-10', '2019-06-11', 'repealed'],
    ],
  );
  assert.equal(reading.items[0].issuer, '湘潭县信访局');
  assert.equal(reading.items[1].docNumber, '湘信发〔2019〕3号');
  const reasons = Object.fromEntries(reading.refused.map((r) => [r.line, r.reason]));
  assert.deepEqual(Object.keys(reasons).map(Number), [4, 5, 6, 8]);
  assert.match(reasons[4], /分类“工作简报”.*没有对应项/);
  assert.match(reasons[5], /隐私检查.*公民身份号码 430321\*+/);
  assert.doesNotMatch(reasons[5], /19800101/);
  assert.match(reasons[6], /发布日期“2019-02-30”无法识别/);
  assert.match(reasons[8], /重复/);
  assert.deepEqual(reading.unknownCategories, [{ name: '工作简报', lines: [4] }]);
  const mapped = readLegacyRows([header, rows[2]], [1, 2], {
    categories,
    agencyName: 'x',
    categoryMap: { 工作简报: 'gzdt' },
  });
  assert.equal(mapped.items[0].categoryId, 4);
  const noTitle = readLegacyRows(
    [
      ['索引号', '发布日期'],
      ['a', '2020-01-01'],
    ],
    [1, 2],
    {
      categories,
      agencyName: 'x',
    },
  );
  assert.match(noTitle.refused[0].reason, /表头缺少必需的列：标题、分类/);
});

test('legacy dates and CSV quoting', () => {
  assert.equal(legacyDate('2021.3.5'), '2021-03-05');
  assert.equal(legacyDate('2021-03-05 10:20:00'), '2021-03-05');
  assert.equal(legacyDate('2021-02-29'), null);
  assert.equal(legacyDate('三月五日'), null);
  const table = readCsv('a,b\r\n"x, ""y""","多\n行"\r\n\r\nz,w\n');
  assert.deepEqual(table.rows, [
    ['a', 'b'],
    ['x, "y"', '多\n行'],
    ['z', 'w'],
  ]);
  assert.deepEqual(table.lineNumbers, [1, 2, 5]);
});

describeEachDatabase('import-catalogue repository', (getDatabase) => {
  test('dry run writes nothing; the import keeps 索引号, dates and category; a re-run adds nothing', async () => {
    const db = getDatabase().db;
    const agency = await upsertAgency(db, {
      code: 'imp',
      name: '导入测试局',
      uscc: '11430321MB1613412X',
    });
    const own = await listCategories(db, agency.id);
    const reading = readLegacyRows([header, ...rows], [1, 2, 3, 4, 5, 6, 7, 8], {
      categories: own,
      agencyName: agency.name,
    });
    const count = async () =>
      (await db.select().from(publications).where(eq(publications.agencyId, agency.id))).length;
    const dry = await importLegacyItems(db, agency, reading.items, {
      dryRun: true,
      source: 't.csv',
    });
    assert.equal(dry.imported.length, 3);
    assert.equal(await count(), 0);
    const steps: string[] = [];
    const first = await importLegacyItems(db, agency, reading.items, {
      dryRun: false,
      source: 't.csv',
      progress: (done, total) => steps.push(`${done}/${total}`),
    });
    assert.deepEqual(steps, ['0/3', '1/3', '2/3', '3/3']);
    assert.deepEqual(
      first.imported.map((i) => i.line),
      [2, 3, 7],
    );
    assert.equal(await count(), 3);
    const [kept] = await db
      .select()
      .from(publications)
      .where(
        and(
          eq(publications.agencyId, agency.id),
          eq(publications.indexNumber, '430321-XF-2019-0002'),
        ),
      );
    assert.equal(kept.status, 'published');
    assert.equal(kept.legacyIndex, true);
    assert.equal(kept.madeOn, '2019-01-20');
    assert.equal(kept.publishedOn, '2019-01-25');
    assert.equal(kept.categoryId, own.find((c) => c.slug === 'czxx')!.id);
    const issued = first.imported.find((i) => i.line === 7)!;
    assert.match(issued.indexNumber, /^11430321MB1613412X\/2019-\d{5}$/);
    const again = await importLegacyItems(db, agency, reading.items, {
      dryRun: false,
      source: 't.csv',
    });
    assert.equal(again.imported.length, 0);
    assert.equal(again.skipped.length, 3);
    assert.equal(await count(), 3);
    const app = createApp({ database: getDatabase(), secret: 's' });
    const res = await app.request('/api/v1/agencies/imp/publications');
    const body = (await res.json()) as { items: { indexNumber: string; title: string }[] };
    assert.deepEqual(
      body.items.map((i) => i.title),
      ['局领导分工调整', '关于调整来访接待时间的通知', '2018年度部门预算公开说明'],
    );
  });
});

test('gongkai import-catalogue (XLSX) and export-open-data, as a user runs them', async () => {
  const dataDir = await migratedDataDir();
  const env = { GONGKAI_DATA_DIR: dataDir };
  const database = await openDatabase({ dataDir, url: '' });
  try {
    await upsertAgency(database.db, {
      code: 'imp',
      name: '导入测试局',
      uscc: '11430321MB1613412X',
    });
  } finally {
    await database.close();
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('目录');
  sheet.addRow(header);
  sheet.addRow([
    'A-1',
    '二〇一九年工作要点',
    '工作动态',
    '导入测试局',
    '',
    new Date('2019-02-01T00:00:00Z'),
    new Date('2019-02-03T00:00:00Z'),
    '',
    '要点。',
  ]);
  sheet.addRow([
    'A-2',
    '没有分类对应的信息',
    '专题专栏',
    '',
    '',
    '2019-03-01',
    '2019-03-01',
    '',
    '',
  ]);
  const file = join(mkdtempSync(join(tmpdir(), 'gk-import-')), 'old.xlsx');
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));

  const dry = gongkai(['import-catalogue', file, '--agency', 'imp', '--dry-run'], env);
  assert.equal(dry.code, 1, dry.stderr);
  assert.match(dry.stdout, /试运行，未写入任何数据.*共2行，将导入1条，已存在0条，拒绝1条/);
  assert.match(dry.stdout, /第3行 拒绝：没有分类对应的信息——分类“专题专栏”/);
  assert.match(dry.stdout, /“专题专栏”：第3行/);
  const run = await gongkaiInProcess(
    ['import-catalogue', file, '--agency', 'imp', '--map', '专题专栏=tzgg'],
    env,
  );
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /已导入2条/);
  const rerun = await gongkaiInProcess(
    ['import-catalogue', file, '--agency', 'imp', '--map', '专题专栏=tzgg'],
    env,
  );
  assert.equal(rerun.code, 0);
  assert.match(rerun.stdout, /已导入0条，已存在2条/);
  const bad = await gongkaiInProcess(['import-catalogue', file], env);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /缺少 --agency/);

  const out = mkdtempSync(join(tmpdir(), 'gk-export-'));
  const exported = gongkai(['export-open-data', out], env);
  assert.equal(exported.code, 0, exported.stderr);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  assert.equal(manifest.schema, 'gongkai.open-data/1');
  for (const f of manifest.files) {
    const bytes = readFileSync(join(out, f.path));
    assert.equal(createHash('sha256').update(bytes).digest('hex'), f.sha256, f.path);
    assert.equal(bytes.length, f.bytes);
  }
  const items = JSON.parse(readFileSync(join(out, 'imp/publications.json'), 'utf8')).items;
  assert.deepEqual(
    items.map((i: { indexNumber: string; publishedOn: string }) => [i.indexNumber, i.publishedOn]),
    [
      ['A-2', '2019-03-01'],
      ['A-1', '2019-02-03'],
    ],
  );
  const csv = readFileSync(join(out, 'imp/publications.csv'), 'utf8');
  assert.ok(csv.startsWith('\uFEFFid,indexNumber,title'));
  assert.equal(
    manifest.files.find((f: { path: string }) => f.path === 'imp/publications.csv').records,
    2,
  );
});
