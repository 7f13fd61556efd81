/**
 * `section5` (answer): this year's section 五 says nothing about the problems the previous year's
 * report named. A problem is a clause of last year's 五 that names a shortcoming; it is answered
 * when this year's 五 shares at least two of its topic bigrams (two-character pieces that are not
 * the boilerplate every report uses). Conservative: only a section that answers none of them.
 */
import { type Finding, finding } from '../finding.ts';
import type { AnnualReport } from '../model.ts';

const shortcoming =
  /不足|不够|有待|尚需|欠缺|短板|薄弱|不高|不强|不到位|差距|仍需|还需|待提升|待加强|不及时|单一|不均衡|不规范|滞后/;

/** Words every section 五 uses; their bigrams tell nothing about the topic. */
const boilerplate = `政府信息公开工作政务公开政府信息进一步加强提升提高有待不够不足存在主要问题水平能力
部门单位方面进行需要仍然还需尚需一定全面持续继续情况要求上级对照差距个别少数部分工作人员
改进措施下一步我们将取得成效成绩对照群众期盼认识程度质量效果规范化标准化深度广度力度有待加强
不到位不及时不高不强薄弱欠缺短板仍需待提升单一不均衡不规范滞后的和与及等是在了对中`;

/** `但仍存在一些不足` introduces the problems without naming one. */
const intro = /存在(?:以下|一些|一定|如下|的)?(?:不足|问题|差距)|以下不足|一些不足/;

function bigrams(text: string): Set<string> {
  const chars = text.replace(/[^\u4e00-\u9fff]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars.slice(i, i + 2));
  return out;
}

const generic = bigrams(boilerplate);

/** The clauses of last year's 五 that name a shortcoming, before its measures begin. */
function problems(text: string): string[] {
  const flat = text.replace(/\s+/g, '');
  const measures = flat.search(
    /改进措施|改进情况[:：]|下一步|针对(?:存在的?|上述|以上)?问题|整改措施/,
  );
  const part = measures > 0 ? flat.slice(0, measures) : flat;
  return part
    .split(/[，。；;：:]|[一二三四五六七八九十]是/)
    .filter((clause) => clause.length >= 8 && shortcoming.test(clause) && !intro.test(clause))
    .filter((clause) => topics(clause).size >= minTopics);
}

function topics(clause: string): Set<string> {
  return new Set([...bigrams(clause)].filter((b) => !generic.has(b)));
}

function answered(problem: string, now: Set<string>): boolean {
  let shared = 0;
  for (const b of topics(problem)) if (now.has(b) && ++shared >= minShared) return true;
  return false;
}

/** A problem counts when it has this many topic bigrams; a section names at least this many. */
const minTopics = 3;
const minProblems = 2;
/** A problem is answered when this year's 五 shares this many of its topic bigrams. */
const minShared = 1;

const quote = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

export function unanswered(report: AnnualReport, previous?: AnnualReport): Finding[] {
  const now = report.sections.S5?.text.replace(/\s+/g, '') ?? '';
  const before = previous?.sections.S5?.text ?? '';
  if (!previous || previous.year === report.year || !now || !before.trim()) return [];
  const named = problems(before);
  const mine = bigrams(now);
  if (named.length < minProblems || named.some((p) => answered(p, mine))) return [];
  return [
    finding(
      'section5',
      'warning',
      `第五部分没有回应${previous.year ?? '上一'}年度报告提出的问题：上年“${quote(named.join('；'))}”，本年“${quote(now)}”；应写明对上年问题的整改情况`,
    ),
  ];
}
