/**
 * `gongkai report --agency CODE --year YYYY [--members] [--json | --to html|docx|xlsx|md|pdf -o FILE]`:
 * the agency's annual report computed from its records (T3 from the applications, T4 from the
 * appeals; later T2 and the text sections), with the findings of every rule.
 */
import { writeFile } from 'node:fs/promises';
import { findAgencyByCode } from '../db/agencies.ts';
import { openDatabase } from '../db/open.ts';
import { GongkaiError } from '../errors.ts';
import { type RenderFormat, render, renderFormats, textFormats } from '../report/render/index.ts';
import { textTables } from '../report/textTable.ts';
import { checkedAnnualReport } from '../services/annual/build.ts';
import { rollupFindings } from '../services/annual/rollup.ts';
import { parseCliArgs, runCommand } from './args.ts';

const usage =
  '用法：gongkai report --agency 单位代码 --year 年度 [--members] [--json | --to html|docx|xlsx|md|pdf -o 输出文件]';

function options(args: string[]) {
  const { values } = parseCliArgs(args, {
    agency: { type: 'string' },
    year: { type: 'string' },
    members: { type: 'boolean' },
    json: { type: 'boolean' },
    to: { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if (!values.agency) throw new GongkaiError('cli.arguments', `缺少 --agency。${usage}`);
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 2008 || year > 2100) {
    throw new GongkaiError('cli.arguments', `--year 应为四位年度，如 2025。${usage}`);
  }
  const to = values.to as RenderFormat | undefined;
  if (to !== undefined && (!renderFormats.includes(to) || to === 'json')) {
    throw new GongkaiError(
      'cli.arguments',
      `--to 必须是 html、docx、xlsx、md、pdf 之一（JSON 请用 --json）。${usage}`,
    );
  }
  if (to && values.json) throw new GongkaiError('cli.arguments', '--json 与 --to 只能选一个');
  if (to && !values.output && !textFormats.has(to)) {
    throw new GongkaiError('cli.arguments', `${to} 是二进制格式，请用 -o 指定输出文件`);
  }
  return {
    agency: values.agency,
    year,
    members: values.members === true,
    json: values.json === true,
    to,
    output: values.output,
  };
}

export async function run(args: string[]): Promise<number> {
  return runCommand(async () => {
    const opts = options(args);
    const database = await openDatabase();
    try {
      const agency = await findAgencyByCode(database.db, opts.agency);
      if (!agency) throw new GongkaiError('agency.not-found', `没有代码为“${opts.agency}”的单位`);
      // A government's report is the roll-up of its own and its members' records (R16).
      const members = opts.members || agency.kind === 'government';
      const { report, findings, result } = await checkedAnnualReport(
        database.db,
        agency,
        opts.year,
        {
          includeMembers: members,
        },
      );
      if (members) {
        findings.push(...(await rollupFindings(database.db, agency, opts.year, report)));
        result.findings = findings;
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } else if (opts.to) {
        const out = await render(report, opts.to);
        if (opts.output) await writeFile(opts.output, out);
        else process.stdout.write(out);
      } else {
        console.log(`${report.title}（由办理记录计算）\n`);
        console.log(textTables(report));
        console.log(
          `\n勾稽检查：错误 ${findings.filter((f) => f.severity === 'error').length} 项，警告 ${findings.filter((f) => f.severity === 'warning').length} 项`,
        );
        for (const f of findings) console.log(`  [${f.rule}] ${f.message}`);
      }
      return findings.some((f) => f.severity === 'error' && /^R[1-4]$/.test(f.rule)) ? 1 : 0;
    } finally {
      await database.close();
    }
  });
}
