/**
 * A heading printed with other wording than the format's (an added or missing word, 及整改措施 for
 * 及改进情况, …): a short line opening with the section's numeral that shares most of the standard
 * wording or the section's key word. T3 row labels that open with a numeral are not headings.
 */
import { normalizeLabel } from '../formats/normalize.ts';
import type { SectionSpec } from '../formats/types.ts';
import type { SectionKey } from '../keys.ts';

export interface LineMatch {
  start: number;
  end: number;
  heading: string;
}

const arabic: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6' };

/** The word a heading of the section cannot lack, whatever else it says. */
const keyWords: Record<SectionKey, RegExp> = {
  S1: /总体|概述|概况/,
  S2: /主动公开/,
  S3: /申请/,
  S4: /复议|诉讼/,
  S5: /问题/,
  S6: /其他|其它/,
};

/** T3's top-level rows: 一、本年新收… 二、上年结转… 三、本年度办理结果 四、结转下年度继续办理. */
const t3RowLabel = /^(本年新收|上年结转|本年度办理结果|本年度办理结构|结转下年)/;

/** T3's numbered sub-rows (3.补正后申请内容仍不明确, 1.信访举报投诉类申请, …) are no headings either. */
const t3SubRowLabel =
  /^(属于|其他法律|危及|保护第三方|本机关不掌握|没有现成|补正后|信访举报|重复申请|要求提供|无正当理由|要求行政机关|申请人)/;

const maxHeadingLength = 40;

/** Dice coefficient of the two strings' character bigrams. */
export function similarity(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < a.length; i++) {
    const bigram = a.slice(i, i + 2);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  let common = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const bigram = b.slice(i, i + 2);
    const n = counts.get(bigram) ?? 0;
    if (n > 0) {
      common++;
      counts.set(bigram, n - 1);
    }
  }
  return (2 * common) / (a.length - 1 + b.length - 1);
}

/** The wording after the section's numeral, or undefined when the line does not open with it. */
function afterNumeral(line: string, spec: SectionSpec): string | undefined {
  const m = /^[#*\s]*([一二三四五六]|[1-6])\s*[、.．,，:：]?\s*/.exec(line);
  if (!m || (m[1] !== spec.numeral && m[1] !== arabic[spec.numeral])) return undefined;
  return normalizeLabel(line.slice(m[0].length));
}

/** Whether a line reads as the heading of the section, in other words than the format's. */
export function isHeadingLike(line: string, spec: SectionSpec): boolean {
  const wording = afterNumeral(line, spec)?.replace(/。$/, '');
  if (!wording || wording.length > maxHeadingLength) return false;
  if (t3RowLabel.test(wording) || t3SubRowLabel.test(wording)) return false;
  if (/[。；;]/.test(wording)) return false;
  // Section 一 is the only one numbered 一: before 二 any short “一、…” line is its heading.
  if (spec.key === 'S1' && /^[#*\s]*一\s*、/.test(line)) return true;
  const standard = [spec.heading.text, ...(spec.heading.variants ?? [])].map(normalizeLabel);
  return keyWords[spec.key].test(wording) || standard.some((s) => similarity(wording, s) >= 0.5);
}

/**
 * Section 五 whose heading was lost (e.g. by a PDF extraction) still opens with its first
 * sub-heading, `（一）主要问题` or `（一）存在的问题`: that line stands for the heading.
 */
function isProblemsSubheading(line: string, spec: SectionSpec): boolean {
  if (spec.key !== 'S5') return false;
  const m = /^[#*\s]*[（(]\s*一\s*[)）]\s*(.*)$/.exec(line);
  return m !== null && m[1].length <= 12 && /问题/.test(m[1]);
}

/** The first heading-like line of the section between two offsets of the text. */
export function findHeadingLike(
  text: string,
  spec: SectionSpec,
  from: number,
  to: number,
): LineMatch | undefined {
  return (
    findLine(text, from, to, (line) => isHeadingLike(line, spec)) ??
    findSplitNumeral(text, spec, from, to) ??
    findInline(text, spec, from, to) ??
    findLine(text, from, to, (line) => isProblemsSubheading(line, spec))
  );
}

/**
 * A heading whose numeral and 、 stand on lines of their own (crawled text that put every span of
 * the page on a line: “二” / “、” / “行政机关主动公开政府信息情况”).
 */
function findSplitNumeral(
  text: string,
  spec: SectionSpec,
  from: number,
  to: number,
): LineMatch | undefined {
  const split = new RegExp(
    `(^|\\n)${spec.numeral}[ \\t]*\\n[ \\t]*[、.．]?[ \\t]*\\n?([^\\n]*)`,
    'g',
  );
  split.lastIndex = from;
  for (let m = split.exec(text); m && m.index < to; m = split.exec(text)) {
    const heading = `${spec.numeral}、${m[2].trim()}`;
    if (isHeadingLike(heading, spec))
      return { start: m.index + m[1].length, end: m.index + m[0].length, heading };
  }
  return undefined;
}

/** A heading's wording ends with its last word (情况, 事项, …) when the text runs on after it. */
const headingEnd = /^[^\s。；;]{2,30}?(?:情况|事项|措施|计划|概述)/;

/**
 * A heading inside a line (crawled text that joined the page into one paragraph): the numeral
 * and 、, then wording that shares most of the standard wording — stricter than a heading line.
 */
function findInline(
  text: string,
  spec: SectionSpec,
  from: number,
  to: number,
): LineMatch | undefined {
  const needle = `${spec.numeral}、`;
  const standard = [spec.heading.text, ...(spec.heading.variants ?? [])].map(normalizeLabel);
  for (let at = text.indexOf(needle, from); at >= 0 && at < to; at = text.indexOf(needle, at + 1)) {
    const rest = text.slice(at + needle.length, Math.min(to, at + needle.length + 40));
    const m = headingEnd.exec(rest);
    if (!m || t3RowLabel.test(m[0])) continue;
    const wording = normalizeLabel(m[0]);
    if (!keyWords[spec.key].test(wording)) continue;
    if (!standard.some((w) => similarity(wording, w) >= 0.6)) continue;
    const end = at + needle.length + m[0].length;
    return { start: at, end, heading: text.slice(at, end) };
  }
  return undefined;
}

function findLine(
  text: string,
  from: number,
  to: number,
  test: (line: string) => boolean,
): LineMatch | undefined {
  let start = text.lastIndexOf('\n', Math.max(0, from - 1)) + 1;
  if (start < from) start = text.indexOf('\n', from) + 1 || to;
  while (start < to) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 || newline > to ? to : newline;
    const line = text.slice(start, end);
    if (test(line)) {
      const lead = line.length - line.replace(/^[#*\s]+/, '').length;
      return { start: start + lead, end, heading: line.replace(/\s+/g, ' ').trim() };
    }
    start = end + 1;
  }
  return undefined;
}
