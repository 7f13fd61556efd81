/**
 * `gongkai remedy --outcome KEY --decided YYYY-MM-DD [--agency CODE] [--json]`: the remedy text a
 * reply letter deciding KEY on that day carries, with the agency's 复议机关 and court.
 */
import { parseArgs } from 'node:util';
import { findAgencyByCode } from '../db/agencies.ts';
import { remedyBodiesOf } from '../db/agencyLetters.ts';
import { openDatabase } from '../db/open.ts';
import { GongkaiError } from '../errors.ts';
import { isRemedyOutcome, REMEDY_OUTCOMES, type RemedyBodies, remedyFor } from '../law/remedies.ts';
import { jsonAndHelp, runCommand } from './args.ts';

const usage = `用法：gongkai remedy --outcome 结果 --decided YYYY-MM-DD [--agency 单位代码] [--json]

  --outcome   表三办理结果行（${REMEDY_OUTCOMES.join(' ')}；no-reply 为未答复，correction 为第四十一条更正申请的答复）
  --decided   答复决定之日（决定适用的救济规定以此日为准）
  --agency    单位代码：写入该单位设置的复议机关和人民法院
  --json      输出 JSON：{"text","reconsiderationFirst","reconsiderationBody","court","basis"}`;

export async function run(args: string[]): Promise<number> {
  return runCommand(async () => {
    const { values } = parse(args);
    if (values.help) {
      console.log(usage);
      return 0;
    }
    if (!values.outcome) throw new GongkaiError('cli.remedy.outcome', `缺少 --outcome。\n${usage}`);
    if (!isRemedyOutcome(values.outcome)) {
      throw new GongkaiError(
        'cli.remedy.outcome',
        `未知的办理结果：${values.outcome}（可用：${REMEDY_OUTCOMES.join(' ')}）`,
      );
    }
    if (!values.decided) throw new GongkaiError('cli.remedy.decided', `缺少 --decided。\n${usage}`);
    const bodies = values.agency ? await agencyBodies(values.agency) : noBodies;
    const remedy = remedyFor(values.outcome, values.decided, bodies);
    if (values.json) console.log(JSON.stringify(remedy));
    else {
      console.log(remedy.text);
      console.log(`依据：${remedy.basis.join('；')}`);
    }
    return 0;
  });
}

const noBodies: RemedyBodies = { reconsiderationBody: null, court: null };

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        outcome: { type: 'string' },
        decided: { type: 'string' },
        agency: { type: 'string' },
        ...jsonAndHelp,
      },
    });
  } catch (error) {
    throw new GongkaiError('cli.arguments', { why: `${(error as Error).message}\n${usage}` });
  }
}

async function agencyBodies(code: string): Promise<RemedyBodies> {
  const database = await openDatabase();
  try {
    const agency = await findAgencyByCode(database.db, code);
    if (!agency) throw new GongkaiError('agency.not-found', `没有代码为“${code}”的单位`);
    return await remedyBodiesOf(database.db, agency);
  } finally {
    await database.close();
  }
}
