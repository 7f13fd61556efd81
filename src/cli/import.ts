/**
 * `gongkai import FILE --agency CODE --year YYYY`: stores a previous year's report read from a
 * file (txt/md/html/docx/pdf/xlsx/json) as that agency's report of YYYY, for the R8/R9 checks of
 * the next year. Cells the parser could not determine are listed; confirm them on the report page.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { findAgencyByCode } from '../db/agencies.ts';
import { openDatabase } from '../db/open.ts';
import { GongkaiError } from '../errors.ts';
import { JobPool } from '../jobs/pool.ts';
import { pooledParse } from '../jobs/reportParse.ts';
import { importPreviousReport } from '../services/annual/import.ts';
import { parseCliArgs, runCommand } from './args.ts';

const usage = '用法：gongkai import 文件 --agency 单位代码 --year 年度';

export async function run(args: string[]): Promise<number> {
  return runCommand(async () => {
    const { values, positionals } = parseCliArgs(args, {
      agency: { type: 'string' },
      year: { type: 'string' },
    });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new GongkaiError('cli.arguments', usage);
    if (!values.agency) throw new GongkaiError('cli.arguments', `缺少 --agency。${usage}`);
    const year = Number(values.year);
    if (!/^\d{4}$/.test(values.year ?? '') || year < 2008)
      throw new GongkaiError('cli.arguments', `--year 应为四位年度，如 2024。${usage}`);
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch (error) {
      throw new GongkaiError('cli.file', { file, why: (error as Error).message });
    }
    const database = await openDatabase();
    const pool = new JobPool({ threads: 1 });
    try {
      const agency = await findAgencyByCode(database.db, values.agency);
      if (!agency) throw new GongkaiError('agency.not-found', `没有代码为“${values.agency}”的单位`);
      const outcome = await importPreviousReport(
        database.db,
        agency,
        year,
        { name: basename(file), data },
        { userId: null },
        pooledParse(pool),
      );
      console.log(
        `已导入${agency.name}${year}年度报告（${basename(file)}），读出${Object.keys(outcome.row.report.cells as object).length}个单元格。`,
      );
      for (const w of outcome.warnings) console.log(`  提示：${w}`);
      if (outcome.pending.length > 0) {
        console.log(
          `有${outcome.pending.length}个单元格未能确定，须在 /admin/${agency.code}/reports/${year + 1} 页面确认后才会用于检查：`,
        );
        console.log(`  ${outcome.pending.join('、')}`);
        return 1;
      }
      return 0;
    } finally {
      await pool.close();
      await database.close();
    }
  });
}
