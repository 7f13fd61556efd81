/**
 * The reply deadline explained to the applicant in plain words. Built from the clock's figures,
 * not its trace: the trace names the consulted parties and the approvers, which stay internal.
 */
import { REPLY_WORKDAYS } from '../law/clock.ts';
import type { CaseState } from './state.ts';

export function publicDeadline(state: CaseState): string[] {
  const clock = state.clock;
  if (state.outcome !== null || state.withdrawn) return [];
  if (!clock) {
    return [
      '网上提交的申请，以工作机构与您确认之日为收到申请之日（第三十一条），答复期限自次日起计算。',
    ];
  }
  if (clock.waitingFor === 'supplement') {
    return [
      '正在等待您补正申请。答复期限自工作机构收到补正之日起重新计算（第三十条）；逾期未补正的，视为放弃申请。',
    ];
  }
  const restarted = clock.clockStart !== clock.receivedOn;
  const lines = [
    `${restarted ? `收到补正之日为${clock.clockStart}` : `收到申请之日为${clock.receivedOn}`}，` +
      `自次日起计算${REPLY_WORKDAYS}个工作日（第三十三条，节假日不计）。`,
  ];
  if (clock.extendedWorkdays > 0) {
    lines.push(`经工作机构负责人同意，答复期限延长${clock.extendedWorkdays}个工作日。`);
  }
  if (clock.pausedWorkdays > 0) {
    lines.push(
      `征求第三方或有关机关意见、等待缴纳信息处理费的时间不计入答复期限，共${clock.pausedWorkdays}个工作日。`,
    );
  }
  if (clock.deferred) lines.push('依第三十五条确定了延迟答复的合理期限。');
  if (clock.due) {
    lines.push(
      `答复期限为${clock.due}${clock.provisional ? '（暂定：征求意见、缴费尚未结束或节假日安排尚未公布，以后可能调整）' : ''}。`,
    );
  }
  return lines;
}
