/**
 * AnnualReport → PDF: the DOCX rendered by LibreOffice (`--headless --convert-to pdf`) in a
 * private profile, with a fontconfig file that maps the 公文 font names to Noto CJK SC (without
 * it, Linux falls back to Japanese glyph forms). A GongkaiError names the packages to install
 * when LibreOffice is missing. At most GONGKAI_PDF_CONCURRENCY conversions run at once (default
 * 1: each is a LibreOffice process of ~300 MB), the next GONGKAI_PDF_QUEUE (default 16) wait
 * in order, and more are refused as busy.
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GongkaiError } from '../../errors.ts';
import { Limiter } from '../../limiter.ts';
import type { AnnualReport } from '../model.ts';
import { renderDocx } from './docx.ts';
import { fontAliases } from './fonts.ts';

const timeoutMs = 120_000;

export function fontconfigXml(): string {
  const aliases = Object.entries(fontAliases).map(
    ([from, to]) =>
      `  <alias binding="strong"><family>${from}</family><prefer><family>${to}</family></prefer></alias>`,
  );
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...aliases,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** The LibreOffice executable on PATH (or GONGKAI_LIBREOFFICE), if any. */
export async function findLibreOffice(): Promise<string | undefined> {
  const explicit = process.env.GONGKAI_LIBREOFFICE;
  if (explicit) return explicit;
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean))
    for (const name of ['libreoffice', 'soffice']) {
      const path = join(dir, name);
      try {
        await access(path);
        return path;
      } catch {}
    }
  return undefined;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env, timeout: timeoutMs, maxBuffer: 4 << 20 }, (error, _out, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(),
    );
  });
}

const missing = () =>
  new GongkaiError(
    'render.no-libreoffice',
    '生成 PDF 需要 LibreOffice，但本机没有找到 libreoffice 命令。请安装 libreoffice-writer-nogui 和 fonts-noto-cjk（Debian/Ubuntu：apt-get install libreoffice-writer-nogui fonts-noto-cjk），或改用 --to docx / --to html。',
  );

let limiter: Limiter | undefined;

function envCount(name: string, fallback: number, min: number): number {
  const value = Number(process.env[name] || fallback);
  return Number.isInteger(value) && value >= min ? value : fallback;
}

/** The LibreOffice conversion queue (read from the environment on first use). */
export function pdfConversions(): Limiter {
  limiter ??= new Limiter(
    envCount('GONGKAI_PDF_CONCURRENCY', 1, 1),
    envCount('GONGKAI_PDF_QUEUE', 16, 0),
  );
  return limiter;
}

/** Converts DOCX files to PDF in one LibreOffice run (its start-up dominates the time). */
export async function docxToPdfMany(docs: Buffer[]): Promise<Buffer[]> {
  const slot = pdfConversions().acquire();
  if (!slot)
    throw new GongkaiError(
      'render.busy',
      '服务器正在生成其他 PDF 文件，排队已满，请稍后再试（或先下载 DOCX 版本）。',
    );
  const release = await slot;
  try {
    return await convert(docs);
  } finally {
    release();
  }
}

async function convert(docs: Buffer[]): Promise<Buffer[]> {
  const office = await findLibreOffice();
  if (!office) throw missing();
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-pdf-'));
  try {
    await writeFile(join(dir, 'fonts.conf'), fontconfigXml());
    const inputs = docs.map((_, i) => join(dir, `report-${i}.docx`));
    await Promise.all(docs.map((d, i) => writeFile(inputs[i], d)));
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const env = { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf'), HOME: dir };
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore'];
    await run(office, [...args, '--convert-to', 'pdf', '--outdir', dir, ...inputs], env);
    return await Promise.all(docs.map((_, i) => readFile(join(dir, `report-${i}.pdf`))));
  } catch (error) {
    if (error instanceof GongkaiError) throw error;
    throw new GongkaiError('render.pdf-failed', {
      why: String((error as Error).message).slice(0, 200),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  return (await docxToPdfMany([docx]))[0];
}

/** Several reports to PDF in one LibreOffice run. */
export async function renderPdfMany(reports: AnnualReport[]): Promise<Buffer[]> {
  return docxToPdfMany(await Promise.all(reports.map(renderDocx)));
}

export async function renderPdf(report: AnnualReport): Promise<Buffer> {
  return docxToPdf(await renderDocx(report));
}
