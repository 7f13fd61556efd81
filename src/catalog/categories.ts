/** The standard sub-columns of 「政府信息公开」 (国办公开办函〔2019〕61号). */
export type CatalogColumn = 'guide' | 'rules' | 'statutory' | 'reports';

export const catalogColumns: { key: CatalogColumn; title: string }[] = [
  { key: 'guide', title: '政府信息公开指南' },
  { key: 'rules', title: '政府信息公开制度' },
  { key: 'statutory', title: '法定主动公开内容' },
  { key: 'reports', title: '政府信息公开年报' },
];

export interface CategoryTemplate {
  slug: string;
  name: string;
  column: CatalogColumn;
  /** 条例第二十条第（N）项 */
  art20Item: number | null;
  t2Kind: 'normative' | 'regulation' | null;
}

const c = (
  slug: string,
  name: string,
  column: CatalogColumn,
  art20Item: number | null = null,
  t2Kind: CategoryTemplate['t2Kind'] = null,
): CategoryTemplate => ({ slug, name, column, art20Item, t2Kind });

/** Defaults for a county-level department, from Art. 20 and the seed agency's own categories. */
export const defaultCategories: CategoryTemplate[] = [
  c('guide', '政府信息公开指南', 'guide'),
  c('rules', '政府信息公开制度', 'rules'),
  c('jgxx', '机构信息', 'statutory', 2),
  c('ldxx', '领导信息', 'statutory', 2),
  c('gfxwj', '行政规范性文件', 'statutory', 1, 'normative'),
  c('ghjh', '规划计划', 'statutory', 3),
  c('tjxx', '统计信息', 'statutory', 4),
  c('xzxk', '行政许可', 'statutory', 5),
  c('xzcf', '行政处罚和行政强制', 'statutory', 6),
  c('czxx', '财政信息', 'statutory', 7),
  c('sfxx', '收费信息', 'statutory', 8),
  c('zfcg', '政府采购', 'statutory', 9),
  c('yjgl', '应急管理', 'statutory', 12),
  c('rsxx', '人事信息', 'statutory', 14),
  c('gzdt', '工作动态', 'statutory'),
  c('tzgg', '通知公告', 'statutory'),
  c('annual', '政府信息公开年报', 'reports'),
];

export const art20Labels: Record<number, string> = {
  1: '行政法规、规章和规范性文件',
  2: '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  3: '规划及相关政策',
  4: '统计信息',
  5: '行政许可和其他对外管理服务事项',
  6: '行政处罚、行政强制',
  7: '财政预算、决算信息',
  8: '行政事业性收费',
  9: '政府集中采购',
  12: '突发公共事件应急',
  14: '公务员招考',
};

export const validityLabels = { valid: '有效', expired: '失效', repealed: '废止' } as const;
export type Validity = keyof typeof validityLabels;
