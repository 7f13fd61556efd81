/**
 * Demo catalogue: 湘潭县信访局's 2021 主动公开 items as its 2021 annual report counts them
 * (64: 工作动态 58, 财政信息 2, 机构信息 1, 领导信息 1, 信息公开指南 1, 信息公开年报 1), and a few
 * items and Art. 20 register entries for 湘潭县人民政府. Idempotent: an agency that already has
 * catalogue items is left alone.
 */
import { sql } from 'drizzle-orm';
import { findAgencyByCode } from '../db/agencies.ts';
import { listCategories } from '../db/catalogCategories.ts';
import { saveRegisterEntry } from '../db/catalogRegisters.ts';
import { type Db, rowsOf } from '../db/database.ts';
import { type ImportedPublication, importPublication } from '../db/publications/import.ts';
import { demoAgency, demoCounty } from './agencies.ts';

const towns = [
  '易俗河镇',
  '花石镇',
  '射埠镇',
  '茶恩寺镇',
  '河口镇',
  '中路铺镇',
  '白石镇',
  '石鼓镇',
  '云湖桥镇',
  '石潭镇',
  '杨嘉桥镇',
  '乌石镇',
  '谭家山镇',
  '排头乡',
  '锦石乡',
  '分水乡',
  '青山桥镇',
  '梅林桥镇',
  '天易街道',
];

/** 58 工作动态 of 2021 (title, publication date). */
function workNews(): [string, string][] {
  const fixed: [string, string][] = [
    ['县信访局召开2021年全县信访工作会议', '2021-01-12'],
    ['县信访局开展元旦春节期间信访维稳工作部署', '2021-01-20'],
    ['县信访局组织学习《信访工作条例》（征求意见稿）', '2021-02-03'],
    ['县领导春节前夕走访慰问困难信访群众', '2021-02-08'],
    ['县信访局开展党史学习教育动员部署', '2021-03-05'],
    ['县信访局召开全国“两会”期间信访工作调度会', '2021-03-09'],
    ['县信访局开展“我为群众办实事”实践活动', '2021-04-07'],
    ['县信访局开展信访积案化解攻坚行动', '2021-04-21'],
    ['县信访局组织开展网上信访业务培训', '2021-05-12'],
    ['县信访局开展“信访宣传月”集中宣传活动', '2021-05-18'],
    ['县信访局庆祝中国共产党成立100周年主题党日活动', '2021-06-30'],
    ['县信访局召开上半年信访形势分析会', '2021-07-08'],
    ['县信访局开展防汛救灾期间信访工作督导', '2021-07-27'],
    ['县信访局开展信访事项办理质量专项检查', '2021-08-17'],
    ['县信访局部署国庆期间信访工作', '2021-09-26'],
    ['县信访局开展重复信访治理专项工作', '2021-10-19'],
    ['县信访局开展领导干部接访下访活动', '2021-11-09'],
    ['县信访局组织开展信访干部业务能力测试', '2021-11-25'],
    ['县信访局召开年度信访工作总结会', '2021-12-21'],
    ['县信访局部署元旦期间信访工作', '2021-12-28'],
  ];
  const byTown: [string, string][] = towns.flatMap((town, i) => {
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String(10 + (i % 15)).padStart(2, '0');
    const later = String(((i + 6) % 12) + 1).padStart(2, '0');
    return [
      [`县信访局赴${town}开展联合接访活动`, `2021-${month}-${day}`],
      [
        `县信访局督导${town}信访积案化解工作`,
        `2021-${later}-${String(5 + (i % 20)).padStart(2, '0')}`,
      ],
    ] as [string, string][];
  });
  return [...fixed, ...byTown].slice(0, 58);
}

function xfjItems(category: (slug: string) => number): ImportedPublication[] {
  const base = { issuer: demoAgency.name, topic: '信访', body: '' };
  const news = workNews().map(([title, publishedOn]) => ({
    ...base,
    categoryId: category('gzdt'),
    title,
    madeOn: publishedOn,
    publishedOn,
    keywords: '信访 工作动态',
    summary: title,
    body: `${publishedOn.slice(0, 4)}年${Number(publishedOn.slice(5, 7))}月${Number(publishedOn.slice(8))}日，${title.replace(/^县信访局/, '湘潭县信访局')}。\n\n活动坚持以人民为中心的发展思想，落实信访工作责任制，推动信访事项及时就地解决。`,
  }));
  return [
    ...news,
    {
      ...base,
      categoryId: category('czxx'),
      title: '湘潭县信访局2021年部门预算公开',
      docNumber: null,
      madeOn: '2021-02-20',
      publishedOn: '2021-02-26',
      keywords: '部门预算',
      summary: '2021年部门预算及“三公”经费预算。',
      body: '# 一、部门基本情况\n\n湘潭县信访局为县人民政府工作部门。\n\n# 二、收支预算总体情况\n\n2021年收支预算总计按县财政批复执行。',
    },
    {
      ...base,
      categoryId: category('czxx'),
      title: '湘潭县信访局2020年部门决算公开',
      madeOn: '2021-08-30',
      publishedOn: '2021-09-03',
      keywords: '部门决算',
      summary: '2020年度部门决算及“三公”经费决算。',
      body: '# 一、部门决算概况\n\n2020年度收支决算情况说明。',
    },
    {
      ...base,
      categoryId: category('jgxx'),
      title: '湘潭县信访局机构职能',
      madeOn: '2021-03-01',
      publishedOn: '2021-03-02',
      keywords: '机构职能',
      summary: '主要职责、内设机构、办公地址、办公时间和联系方式。',
      body: `# 主要职责\n\n受理、交办、转送人民群众来信来访事项；协调处理重要信访问题；督查督办信访事项办理。\n\n# 联系方式\n\n办公地址：${demoAgency.address}\n\n联系电话：${demoAgency.phone}`,
    },
    {
      ...base,
      categoryId: category('ldxx'),
      title: '湘潭县信访局领导信息',
      madeOn: '2021-03-01',
      publishedOn: '2021-03-02',
      keywords: '领导分工',
      summary: '局领导姓名与工作分工。',
      body: '局长：主持局全面工作。\n\n副局长：分管来信来访、网上信访和督查督办工作。',
    },
    {
      ...base,
      categoryId: category('guide'),
      title: '湘潭县信访局政府信息公开指南',
      madeOn: '2021-01-15',
      publishedOn: '2021-01-18',
      keywords: '公开指南',
      summary: '政府信息的分类、编排体系、获取方式和工作机构联系方式。',
      body: '# 一、主动公开\n\n本机关主动公开的政府信息通过县人民政府门户网站政府信息公开栏目发布。\n\n# 二、依申请公开\n\n申请人可通过在线、信函、当面等方式提出申请。',
    },
    {
      ...base,
      categoryId: category('annual'),
      title: '湘潭县信访局2020年政府信息公开工作年度报告',
      madeOn: '2021-01-25',
      publishedOn: '2021-01-28',
      keywords: '年度报告',
      summary: '2020年政府信息公开工作年度报告。',
      body: '# 一、总体情况\n\n2020年，湘潭县信访局认真贯彻落实《中华人民共和国政府信息公开条例》。',
    },
  ];
}

function countyItems(category: (slug: string) => number): ImportedPublication[] {
  const base = { issuer: demoCounty.name, body: '', topic: '综合政务' };
  return [
    {
      ...base,
      categoryId: category('gfxwj'),
      title: '湘潭县人民政府关于印发《湘潭县农村村民住房建设管理办法》的通知',
      docNumber: '潭县政发〔2021〕3号',
      madeOn: '2021-03-15',
      publishedOn: '2021-03-18',
      keywords: '农村住房 建设管理',
      summary: '规范农村村民住房建设。',
      body: '各乡镇人民政府、街道办事处，县直有关单位：\n\n现将《湘潭县农村村民住房建设管理办法》印发给你们，请认真贯彻执行。',
    },
    {
      ...base,
      categoryId: category('gfxwj'),
      title: '湘潭县人民政府关于进一步加强城区停车管理的通告',
      docNumber: '潭县政发〔2021〕9号',
      madeOn: '2021-07-02',
      publishedOn: '2021-07-06',
      keywords: '停车管理',
      summary: '城区停车秩序管理规定。',
      body: '为规范城区停车秩序，现就有关事项通告如下。',
    },
    {
      ...base,
      categoryId: category('gfxwj'),
      title: '湘潭县人民政府关于印发《湘潭县城区户外广告设置管理办法》的通知',
      docNumber: '潭县政发〔2018〕12号',
      madeOn: '2018-06-11',
      publishedOn: '2018-06-15',
      keywords: '户外广告',
      summary: '户外广告设置管理。',
      body: '现将《湘潭县城区户外广告设置管理办法》印发给你们。',
    },
    {
      ...base,
      categoryId: category('czxx'),
      title: '湘潭县2021年财政预算执行情况',
      madeOn: '2021-08-10',
      publishedOn: '2021-08-12',
      keywords: '财政预算',
      summary: '上半年预算执行情况。',
      body: '2021年上半年全县一般公共预算收入平稳增长。',
    },
    {
      ...base,
      categoryId: category('gzdt'),
      title: '湘潭县召开2021年政务公开工作推进会',
      madeOn: '2021-04-16',
      publishedOn: '2021-04-16',
      keywords: '政务公开',
      summary: '部署年度政务公开工作。',
      body: '会议部署了2021年政务公开重点工作。',
    },
  ];
}

const countyRegisters: [string, 'lic' | 'pun' | 'coe' | 'fee', number][] = [
  ['2021-01', 'lic', 412],
  ['2021-02', 'lic', 268],
  ['2021-03', 'lic', 530],
  ['2021-04', 'lic', 498],
  ['2021-05', 'lic', 476],
  ['2021-06', 'lic', 512],
  ['2021-07', 'lic', 455],
  ['2021-08', 'lic', 430],
  ['2021-09', 'lic', 489],
  ['2021-10', 'lic', 350],
  ['2021-11', 'lic', 502],
  ['2021-12', 'lic', 540],
  ['2021-03', 'pun', 36],
  ['2021-06', 'pun', 41],
  ['2021-09', 'pun', 29],
  ['2021-12', 'pun', 44],
  ['2021-05', 'coe', 3],
  ['2021-10', 'coe', 2],
  ['2021-06', 'fee', 1_235_600.5],
  ['2021-12', 'fee', 1_418_220],
];

export async function catalogDemo(db: Db): Promise<void> {
  for (const [code, items] of [
    [demoAgency.code, xfjItems],
    [demoCounty.code, countyItems],
  ] as const) {
    const agency = await findAgencyByCode(db, code);
    if (!agency) continue;
    const [{ n }] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from publications where agency_id = ${agency.id}`,
      ),
    );
    if (n > 0) continue;
    const categories = await listCategories(db, agency.id);
    const category = (slug: string) => categories.find((c) => c.slug === slug)!.id;
    const list = items(category).sort((a, b) => a.publishedOn.localeCompare(b.publishedOn));
    for (const item of list) await importPublication(db, agency.id, item, { userId: null });
    if (code === demoCounty.code) {
      for (const [month, kind, value] of countyRegisters) {
        await saveRegisterEntry(
          db,
          agency.id,
          kind === 'fee' ? { kind, month, amountYuan: value } : { kind, month, count: value },
          { userId: null },
          'demo',
        );
      }
    }
  }
}
