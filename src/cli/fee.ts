import { GongkaiError } from '../errors.ts';
import { type FeeBasis, processingFee } from '../law/fees.ts';
import { runCalculator } from './args.ts';

const usage = `用法：gongkai fee --pieces N [--previous N] | --pages N [--json]

  --pieces N    同一申请人本自然月内累计申请件数（按件计收）
  --previous N  本次之前本月已申请的件数（与 --pieces 合用）
  --pages N     本件申请的页数（按量计收）
  --json        输出 JSON：{"total","trace"}`;

/** `gongkai fee`: the 信息处理费 under 国办函〔2020〕109号 with its calculation. */
export async function run(args: string[]): Promise<number> {
  const options = {
    pieces: { type: 'string' },
    previous: { type: 'string' },
    pages: { type: 'string' },
  } as const;
  return runCalculator(args, usage, options, (values) => {
    const fee = processingFee(basisOf(values));
    if (values.json) console.log(JSON.stringify({ total: fee.total, trace: fee.trace }));
    else {
      console.log(`信息处理费：${fee.total}元`);
      for (const line of fee.trace) console.log(`  ${line}`);
    }
    return 0;
  });
}

function basisOf(values: { pieces?: string; previous?: string; pages?: string }): FeeBasis {
  if (values.pieces !== undefined && values.pages !== undefined) {
    throw new GongkaiError(
      'law.fee.both',
      '按件计收和按量计收不得同时适用于同一件申请（国办函〔2020〕109号第三条）：请只给出 --pieces 或 --pages',
    );
  }
  if (values.pieces !== undefined) {
    const previous = values.previous === undefined ? 0 : count(values.previous, '--previous');
    return { method: 'piece', pieces: count(values.pieces, '--pieces'), previousInMonth: previous };
  }
  if (values.pages !== undefined) return { method: 'page', pages: count(values.pages, '--pages') };
  throw new GongkaiError('cli.fee.missing', '请给出 --pieces N（按件）或 --pages N（按量）');
}

function count(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) throw new GongkaiError('cli.number', `${flag} 应为非负整数：${text}`);
  return Number(text);
}
