import { type ErrorCode, GongkaiError, type MessageParams } from '../errors.ts';
import { replyDue } from '../law/clock.ts';
import { toDayNumber } from '../law/date.ts';
import type { ClockEvent } from '../law/events.ts';
import { CHANNELS, type Channel, isChannel, type Receipt } from '../law/receipt.ts';
import { runCalculator } from './args.ts';
import { storedCalendar } from './storedCalendar.ts';

const usage = `用法：gongkai deadline --received YYYY-MM-DD [选项]

  --received YYYY-MM-DD             收到申请之日（按渠道：当面提交日、签收日或确认日）
  --channel CHANNEL                 ${CHANNELS.join(' | ')}（默认 in-person）
  --supplement-requested YYYY-MM-DD 补正告知之日（默认为收到申请当日）
  --supplement-received YYYY-MM-DD  收到补正后申请之日：答复期限自该日重新计算
  --consultation FROM..TO           征求意见书发出日..收到答复日（可重复；TO 省略表示尚未答复）
  --extension N                     经工作机构负责人同意延长 N 个工作日（累计不超过20）
  --extension-on YYYY-MM-DD         作出延长决定之日（默认为答复期限起算日）
  --fee-notified YYYY-MM-DD         发出收费通知之日
  --fee-paid YYYY-MM-DD             缴费之日
  --json                            输出 JSON：{"replyDue","provisional","trace"}`;

/** `gongkai deadline`: the reply due date of an application and how it was counted. */
export async function run(args: string[]): Promise<number> {
  return runCalculator(args, usage, options, async (values) => {
    const clock = replyDue(await storedCalendar(), eventsFrom(values));
    if (clock.due === null)
      throw new GongkaiError('cli.deadline.waiting', '正在等待申请人补正，暂无答复期限');
    if (values.json) {
      console.log(
        JSON.stringify({ replyDue: clock.due, provisional: clock.provisional, trace: clock.trace }),
      );
    } else {
      console.log(`答复期限：${clock.due}${clock.provisional ? '（暂定）' : ''}`);
      console.log('推算过程：');
      for (const line of clock.trace) console.log(`  ${line}`);
    }
    return 0;
  });
}

const options = {
  received: { type: 'string' },
  channel: { type: 'string', default: 'in-person' },
  'supplement-requested': { type: 'string' },
  'supplement-received': { type: 'string' },
  consultation: { type: 'string', multiple: true },
  extension: { type: 'string' },
  'extension-on': { type: 'string' },
  'fee-notified': { type: 'string' },
  'fee-paid': { type: 'string' },
} as const;

interface DeadlineArgs {
  received?: string;
  channel?: string;
  'supplement-requested'?: string;
  'supplement-received'?: string;
  consultation?: string[];
  extension?: string;
  'extension-on'?: string;
  'fee-notified'?: string;
  'fee-paid'?: string;
}

function eventsFrom(values: DeadlineArgs): ClockEvent[] {
  if (values.received === undefined) {
    throw new GongkaiError('cli.deadline.received', '缺少 --received YYYY-MM-DD（收到申请之日）');
  }
  const events: ClockEvent[] = [
    { type: 'Received', receipt: receiptOf(values.channel, values.received) },
  ];
  const supplement = values['supplement-received'];
  if (supplement !== undefined) {
    const requested = values['supplement-requested'] ?? values.received;
    events.push({ type: 'SupplementRequested', on: requested });
    events.push({ type: 'SupplementReceived', on: supplement });
  } else if (values['supplement-requested'] !== undefined) {
    throw new GongkaiError(
      'cli.deadline.supplement',
      '给出 --supplement-requested 时还需给出 --supplement-received',
    );
  }
  (values.consultation ?? []).forEach((range, i) => {
    events.push(...consultation(range, `c${i + 1}`));
  });
  if (values.extension !== undefined) {
    events.push({
      type: 'Extension',
      on: values['extension-on'] ?? supplement ?? values.received,
      workdays: wholeNumber(values.extension, '--extension'),
      approvedBy: { role: 'office-head' },
    });
  }
  if (values['fee-notified'] !== undefined) {
    events.push({ type: 'ProcessingFeeNotified', on: values['fee-notified'] });
  }
  if (values['fee-paid'] !== undefined)
    events.push({ type: 'ProcessingFeePaid', on: values['fee-paid'] });
  return events;
}

function receiptOf(channel: string | undefined, on: string): Receipt {
  const c: Channel = isChannel(channel)
    ? channel
    : fail('cli.deadline.channel', { channel: String(channel), channels: CHANNELS.join('、') });
  if (c === 'in-person') return { channel: c, submittedOn: on };
  if (c === 'post-signed') return { channel: c, signedOn: on };
  return { channel: c, confirmedOn: on };
}

function consultation(range: string, id: string): ClockEvent[] {
  const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})?$/.exec(range);
  if (!match) {
    fail('cli.deadline.consultation', { range });
  }
  const [, from, to] = match;
  toDayNumber(from);
  const sent: ClockEvent = { type: 'ConsultationSent', id, on: from, party: 'third-party' };
  if (to === undefined) return [sent];
  if (toDayNumber(to) < toDayNumber(from)) {
    fail('cli.deadline.consultation', `征求意见答复日（${to}）早于发出日（${from}）`);
  }
  return [sent, { type: 'ConsultationReplied', id, on: to }];
}

function wholeNumber(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) fail('cli.number', `${flag} 应为非负整数：${text}`);
  return Number(text);
}

function fail(code: ErrorCode, message: string | MessageParams): never {
  throw new GongkaiError(code, message);
}
