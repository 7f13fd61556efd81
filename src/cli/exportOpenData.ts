/**
 * `gongkai export-open-data DIR [--agency CODE]`: everything the open-data API serves, as files
 * for a data portal or a nightly job: JSON and CSV per agency, and `manifest.json` listing every
 * file with its size, SHA-256 and record count. The files are the API's own answers (read through
 * the API in-process), so the export and the API never disagree.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { listAgencies } from '../db/agencies.ts';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/open.ts';
import { registerYears } from '../db/openReports.ts';
import { GongkaiError } from '../errors.ts';
import { apiRoutes } from '../web/api/routes.ts';
import type { AppEnv } from '../web/env.ts';
import { parseCliArgs, runCommand } from './args.ts';

const usage = '用法：gongkai export-open-data 目录 [--agency 单位代码]';
export const manifestSchema = 'gongkai.open-data/1';

interface ManifestFile {
  path: string;
  mediaType: string;
  description: string;
  records: number;
  bytes: number;
  sha256: string;
}

export async function run(args: string[]): Promise<number> {
  return runCommand(async () => {
    const { values, positionals } = parseCliArgs(args, { agency: { type: 'string' } });
    const dir = positionals[0];
    if (!dir || positionals.length > 1) throw new GongkaiError('cli.arguments', usage);
    const database = await openDatabase();
    try {
      const files = await exportOpenData(database, dir, values.agency);
      console.log(`已导出${files.length}个文件到 ${dir}（清单：${join(dir, 'manifest.json')}）。`);
      return 0;
    } finally {
      await database.close();
    }
  });
}

/** Writes the export into `dir` and returns the manifest's file list. */
export async function exportOpenData(
  database: Database,
  dir: string,
  onlyAgency?: string,
): Promise<ManifestFile[]> {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('database', database);
    c.set('clientIp', 'export');
    await next();
  });
  app.route('/api', apiRoutes({ rateLimit: null }));
  const api = async (path: string) => {
    const res = await app.request(`/api/v1${path}`);
    if (res.status !== 200) throw new Error(`export: ${path} answered ${res.status}`);
    return res;
  };
  const files: ManifestFile[] = [];
  const write = async (
    path: string,
    data: string | Uint8Array,
    mediaType: string,
    description: string,
    records: number,
  ) => {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    files.push({ path, mediaType, description, records, bytes: bytes.length, sha256 });
  };
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

  const agencies = (await (await api('/agencies')).json()) as { items: AgencyRow[] };
  const chosen = agencies.items.filter((a) => !onlyAgency || a.code === onlyAgency);
  if (onlyAgency && chosen.length === 0)
    throw new GongkaiError('agency.not-found', `没有代码为“${onlyAgency}”的单位`);
  await write('agencies.json', json({ items: chosen }), 'application/json', '单位', chosen.length);
  await write('agencies.csv', csv(agencyColumns, chosen), 'text/csv', '单位', chosen.length);
  const all = await listAgencies(database.db);

  for (const agency of chosen) {
    const base = `/agencies/${agency.code}`;
    const detail = await (await api(base)).json();
    await write(
      `${agency.code}/agency.json`,
      json(detail),
      'application/json',
      `${agency.name}：单位信息`,
      1,
    );
    const items = await allPublications(api, base);
    const what = `${agency.name}：主动公开目录`;
    await write(
      `${agency.code}/publications.json`,
      json({ items }),
      'application/json',
      what,
      items.length,
    );
    await write(
      `${agency.code}/publications.csv`,
      csv(publicationColumns, items),
      'text/csv',
      what,
      items.length,
    );
    const reports = (await (await api(`${base}/reports`)).json()) as { items: { year: number }[] };
    for (const { year } of reports.items) {
      const report = await (await api(`${base}/reports/${year}`)).text();
      const name = `${agency.name}${year}年度报告`;
      await write(`${agency.code}/reports/${year}.json`, report, 'application/json', name, 1);
      const cells = await (await api(`${base}/reports/${year}?format=csv`)).text();
      await write(
        `${agency.code}/reports/${year}.csv`,
        cells,
        'text/csv',
        `${name}单元格`,
        cells.trim().split('\n').length - 1,
      );
      const stats = await (await api(`${base}/statistics/${year}`)).text();
      await write(
        `${agency.code}/statistics/${year}.json`,
        stats,
        'application/json',
        `${name}统计`,
        1,
      );
    }
    const id = all.find((a) => a.code === agency.code)!.id;
    for (const year of await registerYears(database.db, id)) {
      const registers = await (await api(`${base}/registers/${year}`)).text();
      await write(
        `${agency.code}/registers/${year}.json`,
        registers,
        'application/json',
        `${agency.name}${year}年第二十条数据`,
        1,
      );
    }
  }
  const manifest = {
    schema: manifestSchema,
    generatedAt: new Date().toISOString(),
    api: '/api/v1/openapi.json',
    files,
  };
  await writeFile(join(dir, 'manifest.json'), json(manifest));
  return files;
}

interface AgencyRow {
  code: string;
  name: string;
  [key: string]: unknown;
}

async function allPublications(api: (path: string) => Promise<Response>, base: string) {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${cursor}` : '';
    const page = (await (await api(`${base}/publications?limit=100${query}`)).json()) as {
      items: Record<string, unknown>[];
      nextCursor: string | null;
    };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

type Column = [header: string, value: (row: Record<string, unknown>) => unknown];

const agencyColumns: Column[] = [
  ['code', (a) => a.code],
  ['name', (a) => a.name],
  ['kind', (a) => a.kind],
  ['parent', (a) => a.parent],
  ['members', (a) => (a.members as string[]).join(' ')],
];

const publicationColumns: Column[] = [
  ['id', (p) => p.id],
  ['indexNumber', (p) => p.indexNumber],
  ['title', (p) => p.title],
  ['category', (p) => (p.category as { name: string }).name],
  ['categorySlug', (p) => (p.category as { slug: string }).slug],
  ['issuer', (p) => p.issuer],
  ['docNumber', (p) => p.docNumber],
  ['madeOn', (p) => p.madeOn],
  ['publishedOn', (p) => p.publishedOn],
  ['validity', (p) => p.validity],
  ['url', (p) => p.url],
  ['attachments', (p) => (p.attachments as { url: string }[]).map((f) => f.url).join(' ')],
];

/** UTF-8 with BOM (so Excel reads the Chinese), CRLF, quoted where needed. */
function csv(columns: Column[], rows: Record<string, unknown>[]): string {
  const field = (value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map(([h]) => h).join(',')];
  for (const row of rows) lines.push(columns.map(([, value]) => field(value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
