/**
 * Reading an old 公开目录 into catalogue items (pure): the columns are found by their Chinese
 * headers, the old category is mapped to one of the agency's (by name, code or a common alias),
 * dates are normalised, and the privacy scan runs on the text. A row that cannot be imported as
 * it stands is refused with its reason; nothing is guessed.
 */
import type { Validity } from './categories.ts';
import { isAcceptableLegacyIndex } from './indexNumber.ts';
import { privacyKindLabels, scanText } from './privacy.ts';

export type LegacyField =
  | 'indexNumber'
  | 'title'
  | 'category'
  | 'issuer'
  | 'docNumber'
  | 'madeOn'
  | 'publishedOn'
  | 'validity'
  | 'topic'
  | 'keywords'
  | 'summary'
  | 'body';

/** Header words of each field, as old systems and the 政府信息公开目录 forms name them. */
const headerNames: Record<LegacyField, string[]> = {
  indexNumber: ['索引号', '索引编号', '信息索引号'],
  title: ['标题', '名称', '信息名称', '文件名称', '题名'],
  category: ['分类', '信息分类', '目录分类', '公开类别', '栏目', '所属栏目', '类别'],
  issuer: ['发布机构', '发文机关', '发布单位', '公开责任部门', '制发机关', '来源'],
  docNumber: ['文号', '发文字号', '文件编号'],
  madeOn: ['成文日期', '生成日期', '发文日期', '印发日期'],
  publishedOn: ['发布日期', '公开日期', '发布时间', '公开时间'],
  validity: ['有效性', '效力状态', '是否有效'],
  topic: ['主题分类', '主题'],
  keywords: ['关键词', '主题词'],
  summary: ['内容概述', '摘要', '内容摘要', '概述'],
  body: ['正文', '内容', '全文'],
};

/** Common old category names mapped to the default category codes (see categories.ts). */
const categoryAliases: Record<string, string> = {
  公开指南: 'guide',
  信息公开指南: 'guide',
  公开制度: 'rules',
  信息公开制度: 'rules',
  机构职能: 'jgxx',
  机构概况: 'jgxx',
  机构设置: 'jgxx',
  领导分工: 'ldxx',
  领导简介: 'ldxx',
  领导之窗: 'ldxx',
  规范性文件: 'gfxwj',
  政策文件: 'gfxwj',
  发展规划: 'ghjh',
  计划规划: 'ghjh',
  统计数据: 'tjxx',
  统计公报: 'tjxx',
  行政处罚: 'xzcf',
  行政强制: 'xzcf',
  财政预决算: 'czxx',
  预算决算: 'czxx',
  财政资金: 'czxx',
  收费项目: 'sfxx',
  行政事业性收费: 'sfxx',
  采购信息: 'zfcg',
  应急管理信息: 'yjgl',
  人事任免: 'rsxx',
  招考录用: 'rsxx',
  政务动态: 'gzdt',
  部门动态: 'gzdt',
  工作信息: 'gzdt',
  通知公告: 'tzgg',
  公告公示: 'tzgg',
  年度报告: 'annual',
  信息公开年报: 'annual',
  政府信息公开年度报告: 'annual',
};

const validityWords: Record<string, Validity> = {
  有效: 'valid',
  现行有效: 'valid',
  是: 'valid',
  失效: 'expired',
  已失效: 'expired',
  否: 'expired',
  废止: 'repealed',
  已废止: 'repealed',
};

export interface LegacyCategory {
  id: number;
  slug: string;
  name: string;
}

export interface LegacyItem {
  /** The row's line in the file (1 = the first line). */
  line: number;
  categoryId: number;
  indexNumber: string | null;
  title: string;
  issuer: string;
  docNumber: string | null;
  madeOn: string;
  publishedOn: string;
  validity: Validity;
  topic: string | null;
  keywords: string | null;
  summary: string | null;
  body: string;
}

export interface RefusedRow {
  line: number;
  title: string;
  reason: string;
}

export interface LegacyReading {
  items: LegacyItem[];
  refused: RefusedRow[];
  /** Old categories that match none of the agency's, with the lines that use them. */
  unknownCategories: { name: string; lines: number[] }[];
}

export interface LegacyOptions {
  categories: readonly LegacyCategory[];
  /** The agency's name: the 发布机构 of rows that leave it empty. */
  agencyName: string;
  /** Extra old category name → category code, from the command line. */
  categoryMap?: Record<string, string>;
}

/** Which column holds which field; a header it does not know is ignored. */
export function headerColumns(header: readonly string[]): Partial<Record<LegacyField, number>> {
  const columns: Partial<Record<LegacyField, number>> = {};
  header.forEach((text, index) => {
    const word = text.replace(/[\s*＊:：]/g, '');
    for (const [field, names] of Object.entries(headerNames) as [LegacyField, string[]][])
      if (columns[field] === undefined && names.includes(word)) columns[field] = index;
  });
  return columns;
}

/** YYYY-MM-DD from 2021-3-5, 2021/03/05, 2021.3.5, 2021年3月5日 or 20210305; null if not a real date. */
export function legacyDate(text: string): string | null {
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

export function readLegacyRows(
  rows: readonly string[][],
  lineNumbers: readonly number[],
  options: LegacyOptions,
): LegacyReading {
  const [header, ...data] = rows;
  const columns = headerColumns(header ?? []);
  const missing = (['title', 'category', 'publishedOn'] as const).filter(
    (f) => columns[f] === undefined,
  );
  if (missing.length > 0)
    return {
      items: [],
      refused: [
        {
          line: lineNumbers[0] ?? 1,
          title: '',
          reason: `表头缺少必需的列：${missing.map((f) => headerNames[f][0]).join('、')}（第一行应为列名）`,
        },
      ],
      unknownCategories: [],
    };
  const reading: LegacyReading = { items: [], refused: [], unknownCategories: [] };
  const seenIndex = new Set<string>();
  data.forEach((cells, i) => {
    const line = lineNumbers[i + 1];
    const cell = (f: LegacyField) => (columns[f] === undefined ? '' : (cells[columns[f]] ?? ''));
    const result = readRow(cell, line, options);
    if ('reason' in result) {
      reading.refused.push(result);
      if (result.unknownCategory) {
        const known = reading.unknownCategories.find((u) => u.name === result.unknownCategory);
        if (known) known.lines.push(line);
        else reading.unknownCategories.push({ name: result.unknownCategory, lines: [line] });
      }
      return;
    }
    if (result.indexNumber && seenIndex.has(result.indexNumber)) {
      reading.refused.push({
        line,
        title: result.title,
        reason: `索引号 ${result.indexNumber} 在文件中重复出现`,
      });
      return;
    }
    if (result.indexNumber) seenIndex.add(result.indexNumber);
    reading.items.push(result);
  });
  return reading;
}

type Refusal = RefusedRow & { unknownCategory?: string };

function readRow(
  cell: (f: LegacyField) => string,
  line: number,
  options: LegacyOptions,
): LegacyItem | Refusal {
  const title = cell('title');
  const refuse = (reason: string, unknownCategory?: string): Refusal => ({
    line,
    title,
    reason,
    ...(unknownCategory ? { unknownCategory } : {}),
  });
  if (title === '') return refuse('标题为空');
  if (title.length > 500) return refuse('标题超过500字');
  const categoryName = cell('category');
  if (categoryName === '') return refuse('分类为空');
  const category = mapCategory(categoryName, options);
  if (!category) return refuse(`分类“${categoryName}”在本单位的目录分类中没有对应项`, categoryName);
  const publishedOn = legacyDate(cell('publishedOn'));
  if (!publishedOn) return refuse(`发布日期“${cell('publishedOn')}”无法识别`);
  const madeText = cell('madeOn');
  const madeOn = madeText === '' ? publishedOn : legacyDate(madeText);
  if (!madeOn) return refuse(`成文日期“${madeText}”无法识别`);
  if (madeOn > publishedOn) return refuse(`成文日期 ${madeOn} 晚于发布日期 ${publishedOn}`);
  const indexNumber = cell('indexNumber') || null;
  if (indexNumber && !isAcceptableLegacyIndex(indexNumber))
    return refuse(`索引号“${indexNumber}”格式无效（应为3–64个半角字符）`);
  const validityText = cell('validity');
  const validity = validityText === '' ? 'valid' : validityWords[validityText];
  if (!validity) return refuse(`有效性“${validityText}”无法识别（应为有效、失效或废止）`);
  const item: LegacyItem = {
    line,
    categoryId: category.id,
    indexNumber,
    title,
    issuer: cell('issuer') || options.agencyName,
    docNumber: cell('docNumber') || null,
    madeOn,
    publishedOn,
    validity,
    topic: cell('topic') || null,
    keywords: cell('keywords') || null,
    summary: cell('summary') || null,
    body: cell('body'),
  };
  const findings = [
    ...scanText(item.title, '标题'),
    ...scanText(item.docNumber ?? '', '文号'),
    ...scanText(item.summary ?? '', '内容概述'),
    ...scanText(item.keywords ?? '', '关键词'),
    ...scanText(item.body, '正文'),
  ];
  if (findings.length > 0)
    return refuse(
      `隐私检查发现个人信息：${findings
        .map(
          (f) =>
            `${f.source}${f.where ? `${f.where}` : ''}有${privacyKindLabels[f.kind]} ${f.excerpt}`,
        )
        .join('；')}`,
    );
  return item;
}

function mapCategory(name: string, options: LegacyOptions): LegacyCategory | undefined {
  const { categories } = options;
  const slug = options.categoryMap?.[name] ?? categoryAliases[name];
  return (
    categories.find((c) => c.name === name) ??
    categories.find((c) => c.slug === name) ??
    (slug ? categories.find((c) => c.slug === slug) : undefined)
  );
}
