import { GongkaiError } from '../errors.ts';
import { type DayNumber, type IsoDate, toDayNumber } from './date.ts';

/** How an application reached the agency (条例 第三十一条). */
export type Channel = 'in-person' | 'post-signed' | 'post' | 'online' | 'fax';

export const CHANNELS: readonly Channel[] = ['in-person', 'post-signed', 'post', 'online', 'fax'];

export const CHANNEL_LABELS: Record<Channel, string> = {
  'in-person': '当面提交',
  'post-signed': '邮寄，以签收之日为收到申请之日',
  post: '平常信函，以与申请人确认之日为收到申请之日',
  online: '互联网渠道，以双方确认之日为收到申请之日',
  fax: '传真，以双方确认之日为收到申请之日',
};

/** The facts Art. 31 needs for each channel. */
export type Receipt =
  | { channel: 'in-person'; submittedOn: IsoDate }
  | { channel: 'post-signed'; signedOn: IsoDate; submittedOn?: IsoDate }
  | { channel: 'post' | 'online' | 'fax'; confirmedOn: IsoDate; submittedOn?: IsoDate };

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** 收到申请之日 (Art. 31): the submission day in person, the signing day by post, else the confirmation day. */
export function receiptDate(receipt: Receipt): IsoDate {
  const date = receiptDay(receipt);
  if (receipt.submittedOn !== undefined && toDayNumber(date) < toDayNumber(receipt.submittedOn)) {
    throw beforeSubmission(receipt, date);
  }
  return date;
}

/** The validated `receiptDate` as a day number. */
export function receiptDayNumber(receipt: Receipt): DayNumber {
  const date = receiptDay(receipt);
  const day = toDayNumber(date);
  const submitted = receipt.submittedOn;
  // In person the submission day is the receipt day itself: no second parse.
  if (submitted !== undefined && submitted !== date && day < toDayNumber(submitted)) {
    throw beforeSubmission(receipt, date);
  }
  return day;
}

function beforeSubmission(receipt: Receipt, date: IsoDate): GongkaiError {
  return new GongkaiError(
    'law.receipt.before-submission',
    { date, submittedOn: String(receipt.submittedOn) },
    { receipt },
  );
}

/** The trace line, e.g. `收到申请：2021-09-24（当面提交）`. */
export function receiptLine(receipt: Receipt): string {
  return `收到申请：${receiptDate(receipt)}（${CHANNEL_LABELS[receipt.channel]}）`;
}

function receiptDay(receipt: Receipt): IsoDate {
  switch (receipt.channel) {
    case 'in-person':
      return receipt.submittedOn;
    case 'post-signed':
      return receipt.signedOn;
    case 'post':
    case 'online':
    case 'fax':
      return receipt.confirmedOn;
    default:
      throw new GongkaiError('law.receipt.channel', {
        channel: (receipt as { channel: string }).channel,
      });
  }
}
