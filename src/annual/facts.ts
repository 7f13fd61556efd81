/**
 * The record facts quoted in the report's text (S1, S6) and the `{{字段}}` templates staff edit.
 * Staff write the prose; every figure comes from a field filled from the records when the report
 * is built, so the text and the tables cannot drift apart (R11). Pure: no I/O.
 *
 * Example: `{{主动公开情况}}` → `2021年通过政务网站主动公开政府信息64条，其中：工作动态58条，…。`
 */
import { OUTCOME_GROUP_ROWS } from '../law/keys.ts';
import { type Cells, certainNumber } from '../report/model.ts';

export interface CategoryCount {
  name: string;
  count: number;
}

export interface FeeFacts {
  /** 收费通知 issued in the year. */
  notices: number;
  /** Applications whose fee was paid in the year, and the amount in 元. */
  paid: number;
  collectedYuan: number;
}

export interface ReportFacts {
  year: number;
  /** How the agency refers to itself: 我局, 我委, 我县, 本机关 … */
  self: string;
  /** Items published in the year, per catalogue category, in report order. */
  publications: CategoryCount[];
  fees: FeeFacts;
  /** The petition sentences of section 六 (信访 agencies only), already phrased. */
  petitionText?: string;
}

/** 我局 for a 局, 我县 for a county government, …; 本机关 otherwise. */
export function selfReference(agencyName: string): string {
  const government = /([县区市镇乡旗])人民政府$/.exec(agencyName);
  if (government) return `我${government[1]}`;
  const unit = /(局|委|办|院|厅|所|中心|站|队)$/.exec(agencyName);
  if (unit) return unit[1].length === 1 ? `我${unit[1]}` : '本单位';
  return '本机关';
}

const n = (cells: Cells, key: string) => certainNumber(cells[key as keyof Cells]) ?? 0;

/** A category as the prose names it: 政府信息公开指南 → 信息公开指南 (the subject is already 政府信息). */
const shortName = (name: string) => name.replace(/^政府信息公开/, '信息公开');

function categoryList(facts: ReportFacts): string {
  return facts.publications
    .filter((c) => c.count > 0)
    .map((c) => `${shortName(c.name)}${c.count}条`)
    .join('，');
}

export function publicationSentence(facts: ReportFacts): string {
  const total = facts.publications.reduce((s, c) => s + c.count, 0);
  if (total === 0) return `${facts.year}年未通过政务网站主动公开政府信息。`;
  return `${facts.year}年通过政务网站主动公开政府信息${total}条，其中：${categoryList(facts)}。`;
}

/** Applications received, carried, answered, carried out, and the appeals, as the tables say. */
export function applicationSentence(facts: ReportFacts, cells: Cells): string {
  const fresh = n(cells, 't3.new.tot');
  const carryIn = n(cells, 't3.carryIn.tot');
  const total = n(cells, 't3.total.tot');
  const carryOut = n(cells, 't3.carryOut.tot');
  const review = n(cells, 't4.rv.total');
  const lawsuits = n(cells, 't4.ld.total') + n(cells, 't4.lr.total');
  const appeals =
    review + lawsuits === 0
      ? '全年没有一件因政府信息公开工作被申请行政复议、提起行政诉讼'
      : `因政府信息公开工作被申请行政复议${review}件、提起行政诉讼${lawsuits}件`;
  if (fresh + carryIn === 0)
    return `${facts.year}年，${facts.self}没有收到政府信息公开申请，${appeals}。`;
  const received = fresh > 0 ? `收到政府信息公开申请${fresh}件` : '未收到新的政府信息公开申请';
  const carried = carryIn > 0 ? `，上年结转${carryIn}件` : '';
  const results = OUTCOME_GROUP_ROWS.map(
    ([label, rows]) => [label, rows.reduce((s, r) => s + n(cells, `t3.${r}.tot`), 0)] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([label, count]) => `${label}${count}件`);
  const answered = total > 0 ? `；办结${total}件，其中${results.join('、')}` : '；尚无办结';
  return `${facts.year}年，${facts.self}${received}${carried}${answered}；结转下年度继续办理${carryOut}件。${appeals}。`;
}

export function feeSentence(facts: ReportFacts): string {
  const { fees } = facts;
  if (fees.paid === 0) {
    return fees.notices > 0
      ? `${facts.year}年度${facts.self}发出信息处理费收费通知${fees.notices}件，未实际收取信息处理费。`
      : `${facts.year}年度${facts.self}没有收取信息处理费。`;
  }
  return `${facts.year}年度${facts.self}按照《政府信息公开信息处理费管理办法》收取信息处理费${fees.paid}件，共计${formatYuan(fees.collectedYuan)}元。`;
}

function formatYuan(yuan: number): string {
  return Number.isInteger(yuan) ? String(yuan) : yuan.toFixed(2);
}

/** Every field a template may use, with its current value. */
export function factFields(facts: ReportFacts, cells: Cells): Record<string, string> {
  const total = facts.publications.reduce((s, c) => s + c.count, 0);
  return {
    年度: String(facts.year),
    本机关: facts.self,
    主动公开情况: publicationSentence(facts),
    主动公开条数: String(total),
    主动公开分类: categoryList(facts),
    依申请公开情况: applicationSentence(facts, cells),
    新收申请数: String(n(cells, 't3.new.tot')),
    上年结转数: String(n(cells, 't3.carryIn.tot')),
    办结数: String(n(cells, 't3.total.tot')),
    结转下年度数: String(n(cells, 't3.carryOut.tot')),
    行政复议数: String(n(cells, 't4.rv.total')),
    行政诉讼数: String(n(cells, 't4.ld.total') + n(cells, 't4.lr.total')),
    信息处理费情况: feeSentence(facts),
    信访情况: facts.petitionText ?? '',
  };
}

/** Descriptions shown next to the text editor. */
export const factFieldHelp: Record<string, string> = {
  年度: '报告年度',
  本机关: '本机关的自称（我局、我县……）',
  主动公开情况: '本年主动公开信息总条数及各分类条数（一句话）',
  主动公开条数: '本年主动公开信息总条数',
  主动公开分类: '各分类条数，如“工作动态58条，财政信息2条”',
  依申请公开情况: '收到、结转、办结申请及复议诉讼情况（与表三、表四一致）',
  新收申请数: '表三“本年新收”总计',
  上年结转数: '表三“上年结转”总计',
  办结数: '表三“（七）总计”总计',
  结转下年度数: '表三“结转下年度继续办理”总计',
  行政复议数: '表四行政复议总计',
  行政诉讼数: '表四行政诉讼总计（直接起诉＋复议后起诉）',
  信息处理费情况: '本年收费通知与实收信息处理费（来自申请记录）',
  信访情况: '来访、领导接访、来信和网上信访办理情况（来自信访记录，无则为空）',
};

const field = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** Fills `{{字段}}`; an unknown field is left visible so the check can name it. */
export function fillTemplate(template: string, fields: Record<string, string>): string {
  return template.replace(field, (whole, name: string) => fields[name] ?? whole);
}

/** The fields a template names that do not exist. */
export function unknownFields(template: string, fields: Record<string, string>): string[] {
  return [...template.matchAll(field)].map((m) => m[1]).filter((name) => !(name in fields));
}
