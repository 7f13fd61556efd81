/**
 * 救济途径: what a reply letter must tell the applicant about challenging it, as it stood on the
 * day of the decision (law-and-format.md §3.4a). Each law version is a row of data with its
 * effective dates; a future revision is a new row (and its tests), not new code.
 */
import { GongkaiError } from '../errors.ts';
import { type IsoDate, isIsoDate, toDayNumber } from './date.ts';
import { OUTCOME_ROWS, type OutcomeRow, outcomeGroupOf } from './keys.ts';

/**
 * A T3 result row, `no-reply`: the agency did not answer in time (不答复), or `correction`: the
 * answer to a request to correct one's records (条例 第四十一条), which is not a 不予公开 and so
 * never goes to 复议 first.
 */
export type RemedyOutcome = OutcomeRow | 'no-reply' | 'correction';

export const REMEDY_OUTCOMES: readonly RemedyOutcome[] = [
  ...OUTCOME_ROWS,
  'no-reply',
  'correction',
];

/** One version of the remedy rules, in force from `from` (inclusive) to `until` (exclusive). */
export interface RemedyLaw {
  id: string;
  from: IsoDate;
  until: IsoDate | null;
  /** Outcomes that must go to 行政复议 before a suit (复议前置). */
  reconsiderationFirst: readonly RemedyOutcome[];
  reconsiderationDays: number;
  /** A direct suit (行政诉讼法 第四十六条). */
  litigationMonths: number;
  /** A suit after the 复议 decision (行政诉讼法 第四十五条). */
  litigationAfterReconsiderationDays: number;
  /** The provisions a letter cites: for a free choice, and for 复议前置. */
  basis: { choice: readonly string[]; first: readonly string[] };
}

/** 部分公开 and 不予公开 (rows partial, w1–w8). */
const WITHHELD: readonly RemedyOutcome[] = OUTCOME_ROWS.filter((r) =>
  ['partial', 'withheld'].includes(outcomeGroupOf(r)),
);

const LITIGATION = '《中华人民共和国行政诉讼法》';

// biome-ignore format: one law version per entry reads as a table
export const REMEDY_LAWS: readonly RemedyLaw[] = [
  {
    id: 'xzfyf-2017',
    from: '2018-01-01',
    until: '2024-01-01',
    reconsiderationFirst: [],
    reconsiderationDays: 60,
    litigationMonths: 6,
    litigationAfterReconsiderationDays: 15,
    basis: {
      choice: ['《中华人民共和国行政复议法》（2017年修正）第九条', `${LITIGATION}第四十六条`],
      first: [],
    },
  },
  {
    id: 'xzfyf-2023',
    from: '2024-01-01',
    until: null,
    // w8 is a referral; whether 第二十三条第一款第（四）项 covers it is unsettled, so the
    // applicant gets the safer reading (复议 first) — law-and-format.md §3.4a.
    reconsiderationFirst: WITHHELD,
    reconsiderationDays: 60,
    litigationMonths: 6,
    litigationAfterReconsiderationDays: 15,
    basis: {
      choice: ['《中华人民共和国行政复议法》（2023年修订）第二十条', `${LITIGATION}第四十六条`],
      first: [
        '《中华人民共和国行政复议法》（2023年修订）第二十条、第二十三条',
        `${LITIGATION}第四十五条`,
      ],
    },
  },
];

/** Who hears a challenge: agency settings; null when the agency has not set (or cannot know) it. */
export interface RemedyBodies {
  reconsiderationBody: string | null;
  court: string | null;
}

export interface Remedy {
  text: string;
  reconsiderationFirst: boolean;
  reconsiderationBody: string | null;
  court: string | null;
  basis: string[];
}

export function isRemedyOutcome(value: unknown): value is RemedyOutcome {
  return typeof value === 'string' && (REMEDY_OUTCOMES as readonly string[]).includes(value);
}

/** The remedy law in force on a day. */
export function remedyLawOn(day: IsoDate, laws: readonly RemedyLaw[] = REMEDY_LAWS): RemedyLaw {
  if (!isIsoDate(day)) throw new GongkaiError('law.remedy.date', { date: String(day) });
  const n = toDayNumber(day);
  const law = laws.find(
    (l) => toDayNumber(l.from) <= n && (l.until === null || n < toDayNumber(l.until)),
  );
  if (!law) {
    throw new GongkaiError(
      'law.remedy.none',
      `${day}没有可适用的救济途径规定（最早自${laws[0]?.from}起）`,
    );
  }
  return law;
}

/** The remedy a letter deciding `outcome` on `decidedOn` carries. */
export function remedyFor(
  outcome: RemedyOutcome,
  decidedOn: IsoDate,
  bodies: RemedyBodies,
  laws: readonly RemedyLaw[] = REMEDY_LAWS,
): Remedy {
  if (!isRemedyOutcome(outcome)) {
    throw new GongkaiError('law.remedy.outcome', { outcome: String(outcome) });
  }
  const law = remedyLawOn(decidedOn, laws);
  const first = law.reconsiderationFirst.includes(outcome);
  const body = bodies.reconsiderationBody?.trim() || null;
  const court = bodies.court?.trim() || null;
  const toBody = body ? `向${body}` : '依法向有权的行政复议机关';
  const toCourt = court ? `向${court}` : '依法向有管辖权的人民法院';
  const noReply = outcome === 'no-reply';
  const since = noReply ? '自知道该行政行为之日起' : '自收到本答复之日起';
  const subject = noReply ? '如对本机关未予答复不服' : '如对本答复不服';
  const either = `${since}${law.reconsiderationDays}日内${toBody}申请行政复议，或者${since}${law.litigationMonths}个月内${toCourt}提起行政诉讼。`;
  const reconsiderFirst = `应当先${since}${law.reconsiderationDays}日内${toBody}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起${law.litigationAfterReconsiderationDays}日内${toCourt}提起行政诉讼。`;
  let text = `${subject}，可以${either}`;
  let basis = [...law.basis.choice];
  if (first && outcome === 'partial') {
    text = `对本答复中不予公开的部分不服的，${reconsiderFirst}对其余部分不服的，可以${either}`;
    basis = [...new Set([...law.basis.first, ...law.basis.choice])];
  } else if (first) {
    text = `${subject}，${reconsiderFirst}`;
    basis = [...law.basis.first];
  }
  return { text, reconsiderationFirst: first, reconsiderationBody: body, court, basis };
}
