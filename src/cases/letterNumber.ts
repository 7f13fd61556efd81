/**
 * Letter numbers (文号) from the agency's template: `{year}` is the letter's year and `{n}` its
 * serial in that year at that agency, e.g. `湘信访依申复〔{year}〕{n}号` → `湘信访依申复〔2026〕3号`.
 */
import { GongkaiError } from '../errors.ts';

export const DEFAULT_LETTER_NUMBER_TEMPLATE = '依申请公开〔{year}〕{n}号';

const MAX_LENGTH = 40;

/** The Chinese message when a template cannot number letters, or null when it can. */
export function letterNumberTemplateProblem(template: string): string | null {
  if (template.length > MAX_LENGTH) return `文号模板不能超过${MAX_LENGTH}个字`;
  for (const slot of ['{year}', '{n}']) {
    const count = template.split(slot).length - 1;
    if (count !== 1) return `文号模板须含且只含一个${slot}（${slot === '{n}' ? '序号' : '年份'}）`;
  }
  if (/[{}]/.test(template.replace('{year}', '').replace('{n}', ''))) {
    return '文号模板只能使用 {year} 和 {n} 两个占位符';
  }
  return null;
}

export function letterNumber(template: string | null, year: number, serial: number): string {
  const t = template?.trim() || DEFAULT_LETTER_NUMBER_TEMPLATE;
  const problem = letterNumberTemplateProblem(t);
  if (problem) throw new GongkaiError('cases.letter-number', problem);
  return t.replace('{year}', String(year)).replace('{n}', String(serial));
}
