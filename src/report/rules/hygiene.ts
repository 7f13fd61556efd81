/** Document hygiene: conversion artifacts, brackets, lists and sums in prose. */
import { type Finding, finding } from '../finding.ts';
import type { AnnualReport } from '../model.ts';
import { doubledPhrases } from './doubled.ts';
import { fullText } from './narrative.ts';

const artifacts: [RegExp, string][] = [
  [/\[bookmark:[^\]]*\]/g, '书签标记'],
  [/\{\s*(?:PAGE|MERGEFORMAT|HYPERLINK)[^}]*\}/g, '域代码'],
  [/_GoBack|\bOLE_LINK\d+\b/g, 'Word 隐藏书签'],
  [/\uFFFD+/g, '乱码字符'],
];

/** Conversion artifacts left in the text, e.g. `[bookmark: _GoBack]`, and phrases printed twice. */
export function artifact(report: AnnualReport): Finding[] {
  const text = fullText(report);
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const [pattern, what] of artifacts)
    for (const m of text.matchAll(pattern)) {
      if (seen.has(m[0])) continue;
      seen.add(m[0]);
      if (what === 'Word 隐藏书签' && /\[bookmark:/.test(text)) continue;
      out.push(finding('artifact', 'warning', `正文中残留文档转换产生的${what}“${m[0]}”，应删除`));
    }
  out.push(...doubledPhrases(text));
  return out;
}

const pairs: [string, string][] = [
  ['（', '）'],
  ['《', '》'],
  ['“', '”'],
];

/** Brackets are balanced over the whole text (line breaks of converted text split pairs). */
export function brackets(report: AnnualReport): Finding[] {
  const text = fullText(report);
  const out: Finding[] = [];
  for (const [open, close] of pairs) {
    const o = occurrences(text, open);
    const c = occurrences(text, close);
    if (o !== c)
      out.push(
        finding(
          'brackets',
          'warning',
          `正文中“${open}”有${o}个而“${close}”有${c}个，括号或引号不配对`,
        ),
      );
  }
  return out;
}

function occurrences(text: string, ch: string): number {
  let n = 0;
  for (let at = text.indexOf(ch); at >= 0; at = text.indexOf(ch, at + 1)) n++;
  return n;
}

const partPatterns = new Map<string, RegExp>();

/** `(\d+)\s*条` and the like for a unit of 条件篇个. */
function partPattern(unit: string): RegExp {
  let pattern = partPatterns.get(unit);
  if (!pattern) {
    pattern = new RegExp(`(\\d+)\\s*${unit}`, 'g');
    partPatterns.set(unit, pattern);
  }
  return pattern;
}

/** A total stated in prose equals its breakdown: “共X条，其中A条、B条……”. */
export function narrativeSum(report: AnnualReport): Finding[] {
  const out: Finding[] = [];
  const text = fullText(report);
  const re = /(\d+)\s*([条件篇个])[^。；]{0,8}?其中[：:，,]?([^。；]*)/g;
  for (const m of text.matchAll(re)) {
    const unit = m[2];
    // “预决算197条（政府预决算32条、部门预决算165条）”: the bracket breaks down a part already counted.
    // A closing “全文电子化率100%” speaks of the whole, not a part: the list ends before it.
    const list = m[3].replace(/[（(][^（）()]*[)）]/g, '').replace(/[，,][^，,]*全文电子化.*$/, '');
    const parts = [...list.matchAll(partPattern(unit))].map((x) => Number(x[1]));
    if (parts.length < 2) continue;
    if (/占|%|％|累计/.test(list)) continue;
    const sum = parts.reduce((a, b) => a + b, 0);
    const total = Number(m[1]);
    if (sum === total) continue;
    out.push(
      finding(
        'narrative-sum',
        'warning',
        `正文称共${total}${unit}，但其后列举的分项${parts.join('＋')}＝${sum}${unit}`,
      ),
    );
  }
  return out;
}

const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const enumerationItem = /([一二三四五六七八九十])是/g;
const splitItem = /([一二三四五六七八九十])[ \t]*\n\s*(?=是)/g;

/** Enumerations “一是…二是…” in order without repeats; repeated sentences. */
export function listsAndRepeats(report: AnnualReport): Finding[] {
  const out: Finding[] = [];
  for (const key of ['S1', 'S5', 'S6'] as const) {
    const text = report.sections[key]?.text ?? '';
    // A paragraph needs two items to be out of order; paragraph breaks never split an item.
    if (!hasTwoItems(text)) continue;
    const paragraphs = text.split(/\n|(?<=。)(?=[（(]?[一二三四五六七八九十]、)/);
    const sequences = paragraphs.map((para) =>
      [...para.matchAll(enumerationItem)].map((m) => ordinals.indexOf(m[1]) + 1),
    );
    // Crawled text puts each item on a line of its own (“四 / 是” even split): the whole section in order.
    sequences.push(
      [...text.replace(splitItem, '$1').matchAll(enumerationItem)].map(
        (m) => ordinals.indexOf(m[1]) + 1,
      ),
    );
    for (const seq of sequences) {
      const at = outOfOrder(seq);
      if (at === undefined) continue;
      out.push(
        finding(
          'enumeration',
          'warning',
          `“${report.sections[key]?.heading}”中列举序号“${ordinals[seq[at - 1] - 1]}是”之后为“${ordinals[seq[at] - 1]}是”，序号重复或跳号`,
        ),
      );
      break;
    }
  }
  out.push(...announcedCounts(report));
  const repeated = firstRepeatedSentence(fullText(report));
  if (repeated !== undefined)
    out.push(finding('repeat', 'warning', `句子重复出现：“${repeated.slice(0, 30)}…”`));
  return out;
}

/** The first item that neither follows the one before nor starts a new list at 一. */
function outOfOrder(seq: number[]): number | undefined {
  for (let i = 1; i < seq.length; i++) if (seq[i] !== seq[i - 1] + 1 && seq[i] !== 1) return i;
  return undefined;
}

const chineseCount = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** “从三个方面加以改进：一是…二是…”: the items listed after the announcement are as many as announced. */
function announcedCounts(report: AnnualReport): Finding[] {
  const out: Finding[] = [];
  for (const key of ['S1', 'S5', 'S6'] as const) {
    const section = report.sections[key];
    for (const para of section?.text.split('\n') ?? []) {
      const m = /([两三四五六七八九十])个方面/.exec(para);
      if (!m) continue;
      const items = [...para.slice(m.index).matchAll(enumerationItem)].map((x) => x[1]);
      const announced = chineseCount.indexOf(m[1]);
      if (items.length < 2 || items.length >= announced) continue;
      out.push(
        finding(
          'enumeration',
          'warning',
          `“${section!.heading.trim()}”称“${m[0]}”，但其后只列举了${items.map((i) => `${i}是`).join('、')}`,
        ),
      );
    }
  }
  return out;
}

function hasTwoItems(text: string): boolean {
  enumerationItem.lastIndex = 0;
  const found = enumerationItem.test(text) && enumerationItem.test(text);
  enumerationItem.lastIndex = 0;
  return found;
}

/** The first sentence (split at 。！？ and line breaks, trimmed, of 15+ characters) seen twice. */
function firstRepeatedSentence(text: string): string | undefined {
  const seen = new Set<string>();
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (code !== 0x3002 && code !== 0xff01 && code !== 0xff1f && code !== 10) continue;
    // Trimming only shortens: a piece shorter than 15 stays too short.
    if (i - from >= 15) {
      const sentence = text.slice(from, i).trim();
      if (sentence.length >= 15) {
        if (seen.has(sentence)) return sentence;
        seen.add(sentence);
      }
    }
    from = i + 1;
  }
  return undefined;
}
