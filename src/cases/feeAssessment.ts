/**
 * The 信息处理费 of one application as the workbench computes it: the schedule of 国办函〔2020〕
 * 109号 (按件 Art. 4 or 按量 Art. 5, never both — Art. 3), less a reasoned reduction. `check`
 * recomputes a recorded assessment, so a typed amount can never reach a notice.
 */
import { type ErrorKind, GongkaiError, type MessageParams } from '../errors.ts';
import { type FeeResult, pageFee, pieceFee } from '../law/fees.ts';
import type { FeeAssessment } from './events.ts';

/** The schedule's fee for the application (one piece, or its pages). */
export function scheduleFee(method: FeeAssessment['method'], quantity: number): FeeResult {
  return method === 'piece' ? pieceFee(1, quantity - 1) : pageFee(quantity);
}

/** Builds the assessment; throws a Chinese error when no fee can be charged. */
export function assessFee(input: Omit<FeeAssessment, 'computed'>): {
  fee: FeeAssessment;
  amount: number;
} {
  const computed = scheduleFee(input.method, input.quantity).total;
  const fee: FeeAssessment = { ...input, computed };
  return { fee, amount: checkFee(fee) };
}

/** The amount due under a recorded assessment, or a GongkaiError naming what is wrong. */
export function checkFee(fee: FeeAssessment): number {
  if (fee.method === 'piece' && !(fee.quantity >= 1)) {
    throw feeError('piece-index', '按件计收须有本件在该申请人当月申请中的序号');
  }
  const schedule = scheduleFee(fee.method, fee.quantity);
  if (schedule.total !== fee.computed) {
    throw feeError('computed', { total: schedule.total, computed: fee.computed });
  }
  if (schedule.total === 0) {
    throw feeError(
      'free',
      fee.method === 'piece'
        ? `本件是该申请人本自然月向本机关提出的第${fee.quantity}件申请，10件以内（含）不收费（国办函〔2020〕109号第四条）`
        : `本件共${fee.quantity}页，30页以内（含）不收费（国办函〔2020〕109号第五条）`,
    );
  }
  if (!Number.isInteger(fee.reduction) || fee.reduction < 0 || fee.reduction > fee.computed) {
    throw feeError('reduction', { computed: fee.computed });
  }
  if (fee.reduction > 0 && !fee.reductionReason?.trim()) {
    throw feeError('reduction-reason', '减免信息处理费须写明理由');
  }
  if (fee.reduction === fee.computed) {
    throw feeError('waived', '信息处理费已全部免除，无需发出收费通知');
  }
  if (!fee.payment.trim()) throw feeError('payment', '收费通知须写明缴纳方式');
  return fee.computed - fee.reduction;
}

function feeError(
  code: ErrorKind<'cases.illegal.fee-'>,
  message: string | MessageParams,
): GongkaiError {
  return new GongkaiError(`cases.illegal.fee-${code}`, message);
}

/** The standard as the notice states it: what the application is counted as, then the bands. */
export function feeStandard(fee: FeeAssessment): string {
  const head =
    fee.method === 'piece'
      ? `按件计收，本件为申请人本自然月向本机关提出的第${fee.quantity}件申请（同一申请人一个自然月内累计10件以下不收费，11—30件100元/件，31件以上每10件一档、每档提高100元/件）`
      : `按量计收，本件共${fee.quantity}页（30页以下不收费，31—100页10元/页，101—200页20元/页，201页以上40元/页）`;
  const bands = scheduleFee(fee.method, fee.quantity).trace.slice(1);
  return `${head}；${bands.join('；')}`;
}
