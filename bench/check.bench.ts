/**
 * Report check throughput: `gongkai check`'s work (parseFile + checkReport) on the corpus repeated
 * to 1,000 files, for txt (the corpus as is), html (030.html plus the corpus parses rendered by
 * our HTML renderer) and docx (the corpus parses rendered by our DOCX renderer), side by side with
 * merely reading the same files. Each input kind runs in a fresh child process, so its peak RSS
 * (maxRSS) is its own.
 *
 * `--against DIR` (DIR: another checkout of the project with its node_modules, e.g. an older commit
 * unpacked by `git archive`) runs that checkout's child and this one's alternately on the same files,
 * ROUNDS times (default 3), and prints reports per CPU-second side by side: the before/after
 * comparison in one run, on the same machine under the same load.
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

function inChild(kind: string, files: string[], listDir: string, script = self): Row {
  const list = join(listDir, `${kind.split(' ')[0]}.json`);
  writeFileSync(list, JSON.stringify(files));
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', script, '--child', kind, '--list', list],
    { encoding: 'utf8', maxBuffer: 1 << 20, cwd: new URL('../', `file://${script}`).pathname },
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

/** The three input sets, written to `dir` (renderings of the corpus parses). */
async function inputs(dir: string): Promise<[string, string[]][]> {
  const { txt, html, reports } = await corpus();
  const htmlFiles = [...html];
  const docxFiles: string[] = [];
  for (const [i, report] of reports.entries()) {
    htmlFiles.push(join(dir, `r${i}.html`));
    writeFileSync(htmlFiles[htmlFiles.length - 1], renderHtml(report));
    docxFiles.push(join(dir, `r${i}.docx`));
    writeFileSync(docxFiles[docxFiles.length - 1], await renderDocx(report));
  }
  return [
    ['txt (corpus)', txt],
    ['html', htmlFiles],
    ['docx', docxFiles],
  ];
}

/** Before (`against`) and after (this checkout) alternately, `rounds` times; per CPU-second. */
async function sideBySide(against: string, rounds: number): Promise<string> {
  const other = join(against, 'bench/check.bench.ts');
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  try {
    const lines = [
      `| input | before, per CPU-second (wall reports/s), ${rounds} runs | after, per CPU-second (wall), ${rounds} runs | median after ÷ before | load at the starts |`,
      '|---|---|---|---:|---|',
    ];
    for (const [kind, files] of await inputs(dir)) {
      const before: Row[] = [];
      const after: Row[] = [];
      const loads: string[] = [];
      for (let i = 0; i < rounds; i++) {
        loads.push(loadavg()[0].toFixed(0));
        before.push(inChild(kind, files, dir, other));
        loads.push(loadavg()[0].toFixed(0));
        after.push(inChild(kind, files, dir));
      }
      const runs = (rows: Row[]) =>
        rows.map((r) => `${fmt(r.checkPerCpuSecond)} (${fmt(r.checkPerSecond)})`).join(' / ');
      const median = (rows: Row[]) =>
        rows.map((r) => r.checkPerCpuSecond).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
      lines.push(
        `| ${kind} | ${runs(before)} | ${runs(after)} | ${(median(after) / median(before)).toFixed(2)} | ${loads.join(', ')} |`,
      );
      console.log(lines[lines.length - 1]);
    }
    return lines.join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Row[]> {
  const load = loadavg()[0];
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  try {
    const rows = (await inputs(dir)).map(([kind, files]) => inChild(kind, files, dir));
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
    options: {
      child: { type: 'string' },
      list: { type: 'string' },
      against: { type: 'string' },
      rounds: { type: 'string', default: '3' },
    },
  });
  if (values.child && values.list)
    console.log(
      JSON.stringify(await measure(values.child, JSON.parse(readFileSync(values.list, 'utf8')))),
    );
  else if (values.against) console.log(await sideBySide(values.against, Number(values.rounds)));
  else await run();
}
