/**
 * `gongkai import-catalogue FILE.xlsx|csv --agency CODE [--map 旧分类=代码]… [--dry-run]`: brings
 * the items of an old 公开目录 into the catalogue as published items, keeping their 索引号, dates
 * and category. Every refused row is listed with its reason; a re-run adds nothing twice.
 * Exit code 0 when every row was imported or already there, 1 when some were refused.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readLegacyRows } from '../catalog/legacyImport.ts';
import { readLegacyTable } from '../catalog/legacyTable.ts';
import { findAgencyByCode } from '../db/agencies.ts';
import { listCategories } from '../db/catalogCategories.ts';
import { importLegacyItems } from '../db/catalogImport.ts';
import { openDatabase } from '../db/open.ts';
import { GongkaiError } from '../errors.ts';
import { parseCliArgs, runCommand } from './args.ts';
import { progressLine } from './progress.ts';

const usage =
  '用法：gongkai import-catalogue 文件.xlsx|文件.csv --agency 单位代码 [--map 旧分类=分类代码]… [--dry-run]';

export async function run(args: string[]): Promise<number> {
  return runCommand(async () => {
    const { values, positionals } = parseCliArgs(args, {
      agency: { type: 'string' },
      map: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
    });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new GongkaiError('cli.arguments', usage);
    if (!values.agency) throw new GongkaiError('cli.arguments', `缺少 --agency。${usage}`);
    const categoryMap = parseMap(values.map ?? []);
    const dryRun = values['dry-run'] === true;
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch (error) {
      throw new GongkaiError('cli.file', { file, why: (error as Error).message });
    }
    const table = await readLegacyTable(data, file);
    const database = await openDatabase();
    try {
      const agency = await findAgencyByCode(database.db, values.agency);
      if (!agency) throw new GongkaiError('agency.not-found', `没有代码为“${values.agency}”的单位`);
      const categories = await listCategories(database.db, agency.id);
      const reading = readLegacyRows(table.rows, table.lineNumbers, {
        categories,
        agencyName: agency.name,
        categoryMap,
      });
      const outcome = await importLegacyItems(database.db, agency, reading.items, {
        dryRun,
        source: basename(file),
        progress: progressLine((d, t) => `正在导入：${d}/${t} 条`),
      });
      const refused = [...reading.refused, ...outcome.refused].sort((a, b) => a.line - b.line);
      const verb = dryRun ? '将导入' : '已导入';
      console.log(
        `${dryRun ? '【试运行，未写入任何数据】' : ''}${agency.name}：${basename(file)} 共${table.rows.length - 1}行，` +
          `${verb}${outcome.imported.length}条，已存在${outcome.skipped.length}条，拒绝${refused.length}条。`,
      );
      for (const s of outcome.skipped)
        console.log(`  第${s.line}行 跳过：${s.title}（${s.reason}）`);
      for (const r of refused)
        console.log(`  第${r.line}行 拒绝：${r.title || '（无标题）'}——${r.reason}`);
      if (reading.unknownCategories.length > 0) {
        console.log('未能对应的旧分类（可用 --map 旧分类=分类代码 指定）：');
        for (const u of reading.unknownCategories)
          console.log(`  “${u.name}”：第${u.lines.join('、')}行`);
        console.log(
          `  本单位的分类代码：${categories.map((c) => `${c.slug}（${c.name}）`).join('，')}`,
        );
      }
      return refused.length > 0 ? 1 : 0;
    } finally {
      await database.close();
    }
  });
}

function parseMap(pairs: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    if (at <= 0 || at === pair.length - 1)
      throw new GongkaiError(
        'cli.arguments',
        `--map 应写成 旧分类=分类代码，如 --map 政务公开=gzdt：${pair}`,
      );
    map[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return map;
}
