import { type DayNumber, fromDayNumber, type IsoDate, toDayNumber } from '../law/date.ts';
import { isWrittenChannel, type PetitionChannel } from './channel.ts';
import { LEADER_LEVELS, type LeaderLevel } from './leaderLevel.ts';

/** What the statistics need of one individually registered petition (a projection row). */
export interface PetitionFacts {
  channel: PetitionChannel;
  receivedOn: IsoDate;
  /** 人次: the number of people in a visit (1 for other channels). */
  persons: number;
  leaderReceived: boolean;
  /** The receiving leader's level; null for records made before it was asked. */
  leaderLevel?: LeaderLevel | null;
  acceptanceDue: IsoDate;
  /** The day of the acceptance notice (受理, 不予受理 or 转送), null while undecided. */
  acceptanceDecidedOn: IsoDate | null;
  accepted: boolean;
  /** Current handling deadline including an approved extension; null unless accepted. */
  handlingDue: IsoDate | null;
  closedOn: IsoDate | null;
}

/**
 * A period's totals entered without individual records (e.g. a year before gongkai was used).
 * A null count means the source did not state it: rates that need it cannot be determined.
 */
export interface PetitionAggregate {
  periodFrom: IsoDate;
  periodTo: IsoDate;
  visitBatches: number;
  visitPersons: number;
  leaderBatches: number;
  leaderPersons: number;
  writtenHandled: number;
  acceptanceDue: number | null;
  acceptanceOnTime: number | null;
  completionDue: number | null;
  completionOnTime: number | null;
  writtenCompletionDue: number | null;
  writtenCompletionOnTime: number | null;
  source?: string | null;
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** An on-time rate: `rate` = onTime ÷ due, null when nothing was due or a source lacks the counts. */
export interface RateFigure {
  due: number;
  onTime: number;
  rate: number | null;
  /** false when an included aggregate did not state this rate's counts. */
  known: boolean;
}

export interface PetitionStatistics {
  period: Period;
  visits: { batches: number; persons: number };
  leaderReceptions: { batches: number; persons: number };
  /** The part of `leaderReceptions` whose leader's level was recorded (aggregates state none). */
  leaderReceptionsByLevel: Record<LeaderLevel, { batches: number; persons: number }>;
  written: {
    handled: number;
    letters: number;
    online: number;
    referred: number;
    aggregated: number;
  };
  acceptance: RateFigure;
  completion: RateFigure;
  writtenCompletion: RateFigure;
  /** Individually registered matters still undecided / open at the period's end after their deadline. */
  overdue: { acceptance: number; handling: number };
  sources: { records: number; aggregates: Period[]; partialAggregates: Period[] };
}

/** The written definition of every figure, shown next to it on the statistics page and in the docs. */
export const PETITION_STATISTIC_DEFINITIONS = {
  visitBatches:
    '来访批次：登记之日在统计期内的来访事项数。一次来访（一人或多人同时来访反映同一事项）登记为一批。',
  visitPersons: '来访人次：上述各批来访的来访人数之和；同一人多次来访，按多人次计。',
  leaderBatches:
    '领导接访批次、人次：上述来访中由领导接待的批次和人次。领导接访是来访的一部分，已计入来访批次、人次。',
  writtenHandled:
    '来信、网上信访办理件数：登记之日在统计期内的来信、网上信访和上级转办信访事项件数，含不予受理和转送的事项。',
  acceptanceRate:
    '及时受理率：按期作出受理告知的件数 ÷ 应作出受理告知的件数。应告知件数 = 统计期内作出受理告知（受理、不予受理或转送）的件数 + 告知期限（收到之日起15日）届满后的次日在统计期内、截至统计期末仍未告知的件数；按期 = 在15日内告知。',
  completionRate:
    '按期办结率：按期办结件数 ÷ 应办结件数。应办结件数 = 统计期内办结（出具处理意见书）的已受理事项件数 + 办理期限（受理之日起60日，经批准延期的加延长日数）届满后的次日在统计期内、截至统计期末仍未办结的件数；按期 = 在办理期限内办结。',
  writtenCompletionRate:
    '网信办结率：按期办结率中只计来信、网上信访和上级转办事项（不含来访）的结果。',
  overdue:
    '逾期未办：截至统计期末，已过受理告知期限仍未告知、或已过办理期限仍未办结的登记事项件数。',
  aggregates:
    '汇总数据：未逐件登记的期间（如启用本系统之前的年度）按汇总数录入；统计期完全包含该期间时计入。汇总数据未提供的比率计为“无法确定”，不按零计算。',
} as const;

/** The statistics of a period from individual records and aggregate totals. Pure. */
export function computePetitionStatistics(
  records: readonly PetitionFacts[],
  aggregates: readonly PetitionAggregate[],
  period: Period,
  /** Today: a deadline that has not yet passed is not overdue, even in a period ending later. */
  asOf?: IsoDate,
): PetitionStatistics {
  const from = toDayNumber(period.from);
  const to = toDayNumber(period.to);
  const within = (date: IsoDate | null) => date !== null && inRange(toDayNumber(date), from, to);
  const lastKnown = asOf === undefined ? to : Math.min(to, toDayNumber(asOf));
  const lapsed = (date: IsoDate | null) =>
    date !== null && inRange(toDayNumber(date), from, lastKnown);
  const stats = emptyStatistics(period);

  for (const r of records) {
    if (within(r.receivedOn)) countReceived(stats, r);
    if (toDayNumber(r.receivedOn) > to) continue;
    countAcceptance(stats, r, within, lapsed, to);
    countCompletion(stats, r, within, lapsed, to);
  }
  for (const a of aggregates) {
    const start = toDayNumber(a.periodFrom);
    const end = toDayNumber(a.periodTo);
    const ref = { from: a.periodFrom, to: a.periodTo };
    if (start >= from && end <= to) {
      addAggregate(stats, a);
      stats.sources.aggregates.push(ref);
    } else if (start <= to && end >= from) {
      stats.sources.partialAggregates.push(ref);
    }
  }
  stats.sources.records = records.filter((r) => within(r.receivedOn)).length;
  for (const figure of [stats.acceptance, stats.completion, stats.writtenCompletion]) {
    figure.rate = figure.known && figure.due > 0 ? figure.onTime / figure.due : null;
  }
  return stats;
}

function emptyStatistics(period: Period): PetitionStatistics {
  const rate = (): RateFigure => ({ due: 0, onTime: 0, rate: null, known: true });
  return {
    period,
    visits: { batches: 0, persons: 0 },
    leaderReceptions: { batches: 0, persons: 0 },
    leaderReceptionsByLevel: Object.fromEntries(
      LEADER_LEVELS.map((level) => [level, { batches: 0, persons: 0 }]),
    ) as PetitionStatistics['leaderReceptionsByLevel'],
    written: { handled: 0, letters: 0, online: 0, referred: 0, aggregated: 0 },
    acceptance: rate(),
    completion: rate(),
    writtenCompletion: rate(),
    overdue: { acceptance: 0, handling: 0 },
    sources: { records: 0, aggregates: [], partialAggregates: [] },
  };
}

function countReceived(stats: PetitionStatistics, r: PetitionFacts): void {
  if (r.channel === 'visit') {
    stats.visits.batches += 1;
    stats.visits.persons += r.persons;
    if (r.leaderReceived) {
      stats.leaderReceptions.batches += 1;
      stats.leaderReceptions.persons += r.persons;
      if (r.leaderLevel) {
        stats.leaderReceptionsByLevel[r.leaderLevel].batches += 1;
        stats.leaderReceptionsByLevel[r.leaderLevel].persons += r.persons;
      }
    }
    return;
  }
  stats.written.handled += 1;
  if (r.channel === 'letter') stats.written.letters += 1;
  else if (r.channel === 'online') stats.written.online += 1;
  else stats.written.referred += 1;
}

type Within = (date: IsoDate | null) => boolean;

/** As of the period's end: a notice sent after it counts as not sent. */
function countAcceptance(
  stats: PetitionStatistics,
  r: PetitionFacts,
  within: Within,
  lapsed: Within,
  to: DayNumber,
) {
  const decided = r.acceptanceDecidedOn;
  if (within(decided)) {
    stats.acceptance.due += 1;
    if (toDayNumber(decided!) <= toDayNumber(r.acceptanceDue)) stats.acceptance.onTime += 1;
  } else if (!decidedBy(decided, to) && lapsesWithin(r.acceptanceDue, lapsed)) {
    stats.acceptance.due += 1;
    stats.overdue.acceptance += 1;
  }
}

function countCompletion(
  stats: PetitionStatistics,
  r: PetitionFacts,
  within: Within,
  lapsed: Within,
  to: DayNumber,
) {
  if (!r.accepted || r.handlingDue === null || !decidedBy(r.acceptanceDecidedOn, to)) return;
  const figures = isWrittenChannel(r.channel)
    ? [stats.completion, stats.writtenCompletion]
    : [stats.completion];
  const due = toDayNumber(r.handlingDue);
  if (within(r.closedOn)) {
    const onTime = toDayNumber(r.closedOn!) <= due;
    for (const f of figures) {
      f.due += 1;
      if (onTime) f.onTime += 1;
    }
  } else if (!decidedBy(r.closedOn, to) && lapsesWithin(r.handlingDue, lapsed)) {
    for (const f of figures) f.due += 1;
    stats.overdue.handling += 1;
  }
}

/** Whether the first day after the deadline falls in the period (each lapse counted in one period). */
function lapsesWithin(due: IsoDate, within: Within): boolean {
  return within(fromDayNumber(toDayNumber(due) + 1));
}

function decidedBy(date: IsoDate | null, to: DayNumber): boolean {
  return date !== null && toDayNumber(date) <= to;
}

function addAggregate(stats: PetitionStatistics, a: PetitionAggregate): void {
  stats.visits.batches += a.visitBatches;
  stats.visits.persons += a.visitPersons;
  stats.leaderReceptions.batches += a.leaderBatches;
  stats.leaderReceptions.persons += a.leaderPersons;
  stats.written.handled += a.writtenHandled;
  stats.written.aggregated += a.writtenHandled;
  addRate(stats.acceptance, a.acceptanceDue, a.acceptanceOnTime);
  addRate(stats.completion, a.completionDue, a.completionOnTime);
  addRate(stats.writtenCompletion, a.writtenCompletionDue, a.writtenCompletionOnTime);
}

function addRate(figure: RateFigure, due: number | null, onTime: number | null): void {
  if (due === null || onTime === null) {
    figure.known = false;
    return;
  }
  figure.due += due;
  figure.onTime += onTime;
}

function inRange(day: DayNumber, from: DayNumber, to: DayNumber): boolean {
  return day >= from && day <= to;
}

/**
 * A rate as Chinese text: rounded down to one decimal so that 100% means every matter was on time
 * (2999 of 3000 is 99.9%, never 100%). null → `无法确定`.
 */
export function formatRate(figure: RateFigure): string {
  if (!figure.known) return '无法确定';
  if (figure.rate === null) return '—';
  if (figure.onTime === figure.due) return '100%';
  const tenths = Math.floor((figure.onTime * 1000) / figure.due);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}%`;
}
