/**
 * Fuzz seeds by input kind: the shared corpus and seed report (read in place, never copied into
 * the repository) and reports generated from them and at random, rendered with
 * `src/report/render/` to every format a parser reads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { formatOf } from '../../src/report/formats/index.ts';
import { formatVersions } from '../../src/report/keys.ts';
import { type AnnualReport, type CellValue, uncertain } from '../../src/report/model.ts';
import { parseFile } from '../../src/report/parse/index.ts';
import { renderDocx } from '../../src/report/render/docx.ts';
import { renderHtml } from '../../src/report/render/html.ts';
import { renderJson } from '../../src/report/render/json.ts';
import { tableLayouts } from '../../src/report/render/layout.ts';
import { renderMarkdown, tableGrid } from '../../src/report/render/markdown.ts';
import { sharedDir } from '../../test/support/shared.ts';
import type { InputKind } from './mutators.ts';
import { Prng } from './prng.ts';

const shared = sharedDir;
export const corpusDir = process.env.GONGKAI_CORPUS ?? join(shared, 'corpus');
export const seedFile =
  process.env.GONGKAI_SEED ?? join(shared, 'seed', '000_8943cd9161ebccf1.txt');

export type Seeds = Record<InputKind, Buffer[]>;

function corpusFiles(): { name: string; data: Buffer }[] {
  const files = existsSync(corpusDir)
    ? readdirSync(corpusDir)
        .filter((f) => /\.(txt|html?|md|json|docx|pdf|xlsx)$/i.test(f))
        .sort()
        .map((f) => ({ name: f, data: readFileSync(join(corpusDir, f)) }))
    : [];
  if (existsSync(seedFile)) files.unshift({ name: 'seed.txt', data: readFileSync(seedFile) });
  return files;
}

/** A report with random cell values of every kind (number, blank, slash, uncertain). */
export function randomReport(rng: Prng, base?: AnnualReport): AnnualReport {
  const formatVersion = rng.pick(formatVersions);
  const cells: AnnualReport['cells'] = {};
  for (const key of formatOf(formatVersion).cellKeys) {
    const roll = rng.int(10);
    let value: CellValue = rng.int(rng.pick([3, 50, 5000]));
    if (roll === 0) value = 'blank';
    else if (roll === 1) value = 'slash';
    else if (roll === 2) value = uncertain([rng.int(10), rng.int(100)], String(rng.int(1000)));
    if (rng.chance(0.95)) cells[key] = value;
  }
  return {
    agency: rng.pick(['湘潭县信访局', '某某市人民政府办公室', '', '局']),
    year: rng.chance(0.9) ? rng.range(2008, 2030) : null,
    formatVersion,
    sections: base?.sections ?? {},
    cells,
    ...(base?.preamble ? { preamble: base.preamble } : {}),
  };
}

/** A grid workbook as an XLSX (fallback when no XLSX renderer exists yet). */
async function gridXlsx(report: AnnualReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('年度报告');
  sheet.addRow([`${report.agency}${report.year ?? ''}年政府信息公开工作年度报告`]);
  for (const layout of Object.values(tableLayouts(formatOf(report.formatVersion)))) {
    for (const row of tableGrid(report, layout)) sheet.addRow(row);
    sheet.addRow([]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A minimal valid PDF with lines of text and table rules (fallback when no PDF renderer exists). */
export function simplePdf(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
  const content = [
    'BT /F1 10 Tf 40 800 Td 12 TL',
    ...lines.slice(0, 60).map((l) => `(${esc(l)}) '`),
    'ET',
    ...Array.from({ length: 8 }, (_, i) => `40 ${400 + i * 20} m 550 ${400 + i * 20} l S`),
    ...Array.from({ length: 5 }, (_, i) => `${40 + i * 127} 400 m ${40 + i * 127} 540 l S`),
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

type Renderer = (report: AnnualReport) => Promise<Buffer> | Buffer;

/** A renderer from `src/report/render/<name>.ts` if it exists (pdf and xlsx are still to come). */
async function optionalRenderer(name: string, fn: string): Promise<Renderer | undefined> {
  const url = new URL(`../../src/report/render/${name}.ts`, import.meta.url);
  if (!existsSync(url)) return undefined;
  try {
    const mod = (await import(url.href)) as Record<string, Renderer>;
    return typeof mod[fn] === 'function' ? mod[fn] : undefined;
  } catch {
    return undefined;
  }
}

export interface SeedOptions {
  /** Random reports added to the parsed corpus reports. */
  generated?: number;
  seed?: number;
  /** PDFs rendered with the real renderer (LibreOffice, seconds each); the rest are minimal PDFs. */
  realPdfs?: number;
}

/** Every seed by kind. */
export async function loadSeeds(options: SeedOptions = {}): Promise<Seeds> {
  const { generated = 6, seed = 1, realPdfs = 2 } = options;
  const rng = new Prng(seed);
  const seeds: Seeds = { text: [], markdown: [], json: [], html: [], docx: [], xlsx: [], pdf: [] };
  const reports: AnnualReport[] = [];
  for (const file of corpusFiles()) {
    const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
    if (ext === '.html' || ext === '.htm') seeds.html.push(file.data);
    else if (ext === '.docx') seeds.docx.push(file.data);
    else if (ext === '.pdf') seeds.pdf.push(file.data);
    else if (ext === '.xlsx') seeds.xlsx.push(file.data);
    else if (ext === '.json') seeds.json.push(file.data);
    else {
      seeds.text.push(file.data);
      seeds.markdown.push(file.data);
    }
    try {
      const name = ext === '.html' || ext === '.htm' || ext === '.txt' ? file.name : 'x.txt';
      if (reports.length < 8) reports.push((await parseFile(file.data, name)).report);
    } catch {
      // A corpus file the parsers cannot read is still a seed; it just yields no report.
    }
  }
  for (let i = 0; i < generated; i++)
    reports.push(randomReport(rng, reports[i % Math.max(1, reports.length)]));
  const renderPdf = await optionalRenderer('pdf', 'renderPdf');
  const renderXlsx = (await optionalRenderer('xlsx', 'renderXlsx')) ?? gridXlsx;
  let pdfsLeft = renderPdf ? realPdfs : 0;
  for (const report of reports) {
    const md = Buffer.from(renderMarkdown(report));
    const html = renderHtml(report);
    seeds.markdown.push(md);
    const json = Buffer.from(renderJson(report));
    seeds.text.push(md, json);
    seeds.json.push(json);
    seeds.html.push(Buffer.from(html));
    seeds.html.push(iconv.encode(html.replace(/charset="?utf-8"?/i, 'charset="gbk"'), 'gbk'));
    seeds.docx.push(await renderDocx(report));
    seeds.xlsx.push(await renderXlsx(report));
    seeds.pdf.push(simplePdf(renderMarkdown(report).split('\n')));
    if (renderPdf && pdfsLeft-- > 0) {
      try {
        seeds.pdf.push(await renderPdf(report));
      } catch {
        pdfsLeft = 0; // no LibreOffice here: minimal PDFs only
      }
    }
  }
  return seeds;
}
