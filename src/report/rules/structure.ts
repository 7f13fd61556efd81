/** R14 (six sections, in order, correctly numbered) and R15 (format version vs report year). */
import { type Finding, finding } from '../finding.ts';
import { expectedVersion, formatOf } from '../formats/index.ts';
import { normalizeLabel } from '../formats/normalize.ts';
import type { SectionSpec } from '../formats/types.ts';
import type { AnnualReport } from '../model.ts';

/** Whether the printed heading carries the format's wording (or a variant the format text allows). */
const wordings = new WeakMap<SectionSpec, string[]>();

function standardWording(heading: string, spec: SectionSpec): boolean {
  const printed = normalizeLabel(
    heading
      .replace(/^[#*\s]*([一二三四五六]|\d{1,2})\s*[、.．,，:：]?/, '')
      .replace(/[。：:]$/, ''),
  );
  let allowed = wordings.get(spec);
  if (!allowed) {
    allowed = [spec.heading.text, ...(spec.heading.variants ?? [])].map(normalizeLabel);
    wordings.set(spec, allowed);
  }
  return allowed.includes(printed);
}

/**
 * R14: all six headings present, in order. A heading in other words is a warning quoting both;
 * a section is missing (an error) only when no heading-like line for it was found.
 */
export function r14(report: AnnualReport): Finding[] {
  const out: Finding[] = [];
  const specs = formatOf(report.formatVersion).sections;
  for (const spec of specs) {
    const section = report.sections[spec.key];
    if (section && !standardWording(section.heading, spec))
      out.push(
        finding(
          'R14',
          'warning',
          /^[（(]/.test(section.heading)
            ? `没有“${spec.numeral}、${spec.heading.text}”的标题行，该章节从“${section.heading}”开始（标题可能在转换中丢失）`
            : `章节标题“${section.heading}”与规定格式的“${spec.numeral}、${spec.heading.text}”措辞不一致`,
        ),
      );
  }
  const missing = specs.filter((s) => !report.sections[s.key]);
  if (missing.length > 0)
    out.push(
      finding(
        'R14',
        'error',
        `缺少章节：${missing.map((s) => `${s.numeral}、${s.heading.text}`).join('；')}。年度报告内容“不能遗漏”`,
      ),
    );
  const found = specs.filter((s) => report.sections[s.key]);
  const orders = found.map((s) => report.sections[s.key]?.order ?? 0);
  if (orders.some((o, i) => i > 0 && o < orders[i - 1]))
    out.push(finding('R14', 'error', '章节顺序与规定格式不一致，应依次为一至六'));
  return out;
}

/** Heading numbering: each heading opens with its Chinese numeral and 、 (e.g. 五、 not 5、). */
export function headingNumbers(report: AnnualReport): Finding[] {
  const out: Finding[] = [];
  for (const spec of formatOf(report.formatVersion).sections) {
    const section = report.sections[spec.key];
    if (!section) continue;
    const heading = section.heading.replace(/^[#\s]+/, '');
    if (heading.startsWith(`${spec.numeral}、`)) continue;
    const printed =
      /^\S+?[、.．:：]?(?=\s*[\u4e00-\u9fff])/.exec(heading)?.[0] ?? heading.slice(0, 2);
    out.push(
      finding(
        'heading-number',
        'warning',
        `章节标题“${heading}”的序号写作“${printed.trim()}”，应为“${spec.numeral}、”`,
      ),
    );
  }
  return out;
}

const notice2019 = /2019[〕\]］)]\s*60\s*号/;
const notice2021 = /2021[〕\]］)]\s*30\s*号/;

/**
 * A report on 2021 or later that names the 2019 trial format's notice (〔2019〕60号) as its basis
 * and not the 2021 one (〔2021〕30号) was written from an old template.
 */
function citedNotice(report: AnnualReport): Finding[] {
  if (report.year === null || report.year < 2021) return [];
  const text = `${report.title ?? ''}\n${report.preamble ?? ''}\n${report.sections.S1?.text ?? ''}`;
  if (!notice2019.test(text) || notice2021.test(text)) return [];
  return [
    finding(
      'R15',
      'error',
      `${report.year}年度报告依据的是国办公开办函〔2019〕60号（2019年试行格式），应依据国办公开办函〔2021〕30号`,
    ),
  ];
}

/** Labels or rows of the other format version printed in the tables (see parse/version.ts). */
function mixedFormats(report: AnnualReport): Finding[] {
  return (report.formatMixing ?? []).map((what) =>
    finding('R15', 'warning', `2019年试行格式与2021年格式混用：${what}`),
  );
}

/** R15: a report for 2021 or later uses the 2021 format; 2019–2020 the 2019 trial format. */
export function r15(report: AnnualReport): Finding[] {
  const mixed = mixedFormats(report);
  if (report.year === null) return mixed;
  const expected = expectedVersion(report.year);
  if (expected === report.formatVersion) return [...citedNotice(report), ...mixed];
  if (report.year >= 2021)
    return [
      finding(
        'R15',
        'error',
        `${report.year}年度报告使用了${formatOf(report.formatVersion).source}的旧格式，应使用${formatOf(expected).source}规定的格式`,
      ),
      ...mixed,
    ];
  return [
    finding(
      'R15',
      'warning',
      `${report.year}年度报告使用了${formatOf(report.formatVersion).source}的格式，该年度应使用${formatOf(expected).source}的格式`,
    ),
    ...mixed,
  ];
}
