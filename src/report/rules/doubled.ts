/** ARTIFACT: a phrase printed twice back to back (“紧紧围绕围绕”), a slip of editing or conversion. */
import { type Finding, finding } from '../finding.ts';

/** A run of 2–6 CJK characters immediately repeated. Single characters double legitimately (常常, 人人). */
const doubled = /([\u4e00-\u9fff]{2,6})\1/g;

/** ABAB words that are meant to be doubled (研究研究, 雪白雪白); 一项一项 (one by one) is meant too. */
const reduplicated = new Set([
  '研究',
  '讨论',
  '商量',
  '学习',
  '考虑',
  '了解',
  '交流',
  '活动',
  '休息',
  '整理',
  '打扫',
  '雪白',
  '通红',
  '火红',
  '笔直',
  '冰凉',
]);

/** “市政府政府信息”: the first 政府 ends a body's name, the second begins 政府信息. */
const junctions = [/政府政府信息/];

/** Breadcrumbs of a crawled page (“当前位置：首页政务公开政府信息公开政府信息公开年报”) and table rows. */
function isChromeOrTable(line: string): boolean {
  if (/当前位置|首页/.test(line) || /[|\t]/.test(line)) return true;
  const digits = line.match(/\d/g)?.length ?? 0;
  const cjk = line.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return digits > cjk;
}

/** Blanks out the doubling that is meant, keeping positions: “一项一项” would otherwise read as “项一项一”. */
function maskMeant(line: string): string {
  const blank = (m: string) => '　'.repeat(m.length);
  let masked = line.replace(/一([\u4e00-\u9fff])一\1/g, blank);
  for (const word of reduplicated) masked = masked.replaceAll(word + word, blank(word + word));
  return masked;
}

export function doubledPhrases(text: string): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    if (isChromeOrTable(line)) continue;
    for (const m of maskMeant(line).matchAll(doubled)) {
      const around = line.slice(Math.max(0, m.index - 4), m.index + m[0].length + 4);
      if (seen.has(m[0]) || junctions.some((j) => j.test(around))) continue;
      seen.add(m[0]);
      out.push(
        finding(
          'artifact',
          'warning',
          `正文“${around}”中“${m[1]}”连续出现两次，疑为多余的重复，应删除其一`,
        ),
      );
    }
  }
  return out;
}
