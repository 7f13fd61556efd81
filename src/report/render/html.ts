/**
 * AnnualReport → HTML: the official table layout with rowspan/colspan, zh-CN, print-ready (A4,
 * 公文 fonts with Linux fallbacks). `renderHtmlFragment` is the embeddable `<article>`;
 * `renderHtml` wraps it in a full standalone document with its own CSS.
 */
import type { AnnualReport } from '../model.ts';
import { type Block, reportBlocks, reportTitle } from './document.ts';
import type { LayoutSlot, TableLayout } from './layout.ts';
import { cellText } from './value.ts';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function spans(slot: LayoutSlot): string {
  const r = slot.rowspan && slot.rowspan > 1 ? ` rowspan="${slot.rowspan}"` : '';
  const c = slot.colspan && slot.colspan > 1 ? ` colspan="${slot.colspan}"` : '';
  return r + c;
}

function cellHtml(report: AnnualReport, slot: LayoutSlot): string {
  if (slot.key) {
    const text = cellText(report.cells[slot.key]);
    const mark = text === '?' ? ' class="gk-uncertain"' : '';
    return `<td${spans(slot)} data-key="${slot.key}"${mark}>${escapeHtml(text)}</td>`;
  }
  const tag = slot.header ? 'th' : 'td';
  const cls = slot.stub ? ' class="gk-stub"' : '';
  return `<${tag}${spans(slot)}${cls}>${escapeHtml(slot.text ?? '')}</${tag}>`;
}

export function renderTableHtml(report: AnnualReport, layout: TableLayout): string {
  const rows = layout.rows.map(
    (row) => `<tr>${row.map((slot) => cellHtml(report, slot)).join('')}</tr>`,
  );
  const head = rows.slice(0, layout.headerRows).join('\n');
  const body = rows.slice(layout.headerRows).join('\n');
  return [
    `<table class="gk-table gk-${layout.id}">`,
    head ? `<thead>\n${head}\n</thead>` : '',
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
  ]
    .filter(Boolean)
    .join('\n');
}

function blockHtml(report: AnnualReport, block: Block): string {
  switch (block.kind) {
    case 'title':
      return `<h1 class="gk-title">${escapeHtml(block.text)}</h1>`;
    case 'heading':
      return `<h2 class="gk-heading">${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'table':
      return renderTableHtml(report, block.layout);
  }
}

/** The report as an `<article>` to embed in a page (style it with `reportCss`). */
export function renderHtmlFragment(report: AnnualReport): string {
  const blocks = reportBlocks(report).map((b) => blockHtml(report, b));
  return `<article class="gk-report" lang="zh-CN">\n${blocks.join('\n')}\n</article>`;
}

export const reportCss = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
.gk-report { font-family: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "Noto Serif CJK SC", serif;
  font-size: 16pt; line-height: 1.75; color: #000; max-width: 156mm; margin: 0 auto; }
.gk-report .gk-title { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "黑体", "SimHei", "Noto Serif CJK SC", serif;
  font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 1em; line-height: 1.4; }
.gk-report .gk-heading { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif;
  font-size: 16pt; font-weight: normal; margin: 0.5em 0 0; }
.gk-report p { text-indent: 2em; margin: 0; }
.gk-report .gk-table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em;
  font-size: 10.5pt; line-height: 1.4; page-break-inside: auto; }
.gk-report .gk-table th, .gk-report .gk-table td { border: 1px solid #000; padding: 2px 4px;
  text-align: center; vertical-align: middle; font-weight: normal; }
.gk-report .gk-table .gk-stub { text-align: left; }
.gk-report .gk-table tr { page-break-inside: avoid; }
.gk-report .gk-uncertain { background: #fde68a; }
@media print { .gk-report { max-width: none; } }
`;

/** A standalone, print-ready zh-CN HTML document. */
export function renderHtml(report: AnnualReport): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="gongkai">`,
    `<title>${escapeHtml(reportTitle(report))}</title>`,
    `<style>${reportCss}</style>`,
    '</head>',
    '<body>',
    renderHtmlFragment(report),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
