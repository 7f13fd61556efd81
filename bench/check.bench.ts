/**
 * Report check throughput: `gongkai check`'s work (parseFile + checkReport) on the corpus repeated
 * to 1,000 files, for txt (the corpus as is), html (030.html plus the corpus parses rendered by
 * our HTML renderer) and docx (the corpus parses rendered by our DOCX renderer), side by side with
 * merely reading the same files. Each input kind runs in a fresh child process, so its peak RSS
 * (maxRSS) is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkReport } from '../src/report/check.ts';
import type { AnnualReport } from '../src/report/model.ts';
import { parseFile } from '../src/report/parse/index.ts';
import { renderDocx } from '../src/report/render/docx.ts';
import { renderHtml } from '../src/report/render/html.ts';
import { sharedDir } from '../test/support/shared.ts';

const FILES = 1000;
const SECTION = '## Report check throughput';
const shared = new URL(`file://${sharedDir}`);
const self = new URL(import.meta.url).pathname;

interface Row {
  kind: string;
  distinct: number;
  readPerSecond: number;
  checkPerSecond: number;
  /** Reports per CPU-second of this process: comparable across machine load. */
  checkPerCpuSecond: number;
  peakRssMb: number;
  findings: number;
}

/** The corpus files (txt + seed, html) and their parsed reports. */
async function corpus(): Promise<{ txt: string[]; html: string[]; reports: AnnualReport[] }> {
  const dir = new URL('corpus/', shared).pathname;
  const names = readdirSync(dir).sort();
  const txt = names.filter((n) => n.endsWith('.txt')).map((n) => join(dir, n));
  txt.push(new URL('seed/000_8943cd9161ebccf1.txt', shared).pathname);
  const html = names.filter((n) => n.endsWith('.html')).map((n) => join(dir, n));
  const reports: AnnualReport[] = [];
  for (const file of [...txt, ...html]) reports.push((await parseFile(file)).report);
  return { txt, html, reports };
}

/** Child process: read, then parse + check, the listed files cycled to FILES. */
async function measure(kind: string, distinct: string[]): Promise<Row> {
  const files = Array.from({ length: FILES }, (_, i) => distinct[i % distinct.length]);
  let started = performance.now();
  for (const f of files) await readFile(f);
  const readSeconds = (performance.now() - started) / 1000;
  let findings = 0;
  started = performance.now();
  const cpu = process.cpuUsage();
  for (const f of files) findings += checkReport((await parseFile(f)).report).length;
  const checkSeconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return {
    kind,
    distinct: distinct.length,
    readPerSecond: FILES / readSeconds,
    checkPerSecond: FILES / checkSeconds,
    checkPerCpuSecond: FILES / cpuSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    findings,
  };
}

function inChild(kind: string, files: string[], listDir: string): Row {
  const list = join(listDir, `${kind.split(' ')[0]}.json`);
  writeFileSync(list, JSON.stringify(files));
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', self, '--child', kind, '--list', list],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Row;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function table(rows: Row[]): string {
  return [
    '| input (1,000 files) | distinct files | read only, files/s | parse + check, reports/s | per CPU-second | read ÷ check | peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.kind} | ${r.distinct} | ${fmt(r.readPerSecond)} | ${fmt(r.checkPerSecond)} | ${fmt(r.checkPerCpuSecond)} | ${(r.readPerSecond / r.checkPerSecond).toFixed(0)}× | ${r.peakRssMb.toFixed(0)} MB |`,
    ),
  ].join('\n');
}

function record(text: string, load: number): void {
  const file = new URL('./RESULTS.md', import.meta.url);
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`;
  const section = [
    SECTION,
    '',
    `Command: \`node --import tsx bench/check.bench.ts\` (or \`npm run bench check\`). Machine: ${machine};`,
    `measured ${new Date().toISOString().slice(0, 10)}, 1-min load average ${load.toFixed(1)} at the start (other work shares the cores).`,
    `Each input set is the corpus cycled to ${FILES} files, checked one after another as \`gongkai check\` does`,
    '(parseFile + checkReport), each set in a fresh process; "read only" reads the same files from disk.',
    'txt: the corpus texts + the seed; html: 030.html + every corpus report rendered by our HTML renderer;',
    'docx: every corpus report rendered by our DOCX renderer. Peak RSS is the child process maxRSS.',
    '"per CPU-second" divides by the CPU time the process got, so it stays comparable when the cores are shared.',
    'Targets: ≥ 500 txt/html reports/s, ≥ 50 docx/s, < 200 MB.',
    '',
    text,
    '',
  ].join('\n');
  let out = readFileSync(file, 'utf8');
  const start = out.indexOf(SECTION);
  if (start === -1) out = `${out.trimEnd()}\n\n${section}`;
  else {
    const next = out.indexOf('\n## ', start + SECTION.length);
    out = out.slice(0, start) + section + (next === -1 ? '' : out.slice(next + 1));
  }
  writeFileSync(file, out);
}

export async function run(): Promise<Row[]> {
  const load = loadavg()[0];
  const { txt, html, reports } = await corpus();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  try {
    const htmlFiles = [...html];
    const docxFiles: string[] = [];
    for (const [i, report] of reports.entries()) {
      htmlFiles.push(join(dir, `r${i}.html`));
      writeFileSync(htmlFiles[htmlFiles.length - 1], renderHtml(report));
      docxFiles.push(join(dir, `r${i}.docx`));
      writeFileSync(docxFiles[docxFiles.length - 1], await renderDocx(report));
    }
    const rows = [
      inChild('txt (corpus)', txt, dir),
      inChild('html', htmlFiles, dir),
      inChild('docx', docxFiles, dir),
    ];
    const text = table(rows);
    console.log(text);
    record(text, load);
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { child: { type: 'string' }, list: { type: 'string' } },
  });
  if (values.child && values.list)
    console.log(
      JSON.stringify(await measure(values.child, JSON.parse(readFileSync(values.list, 'utf8')))),
    );
  else await run();
}
