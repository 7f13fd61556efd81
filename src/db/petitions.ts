/**
 * Petitions (信访): register, append events, read. Every append re-derives the clocks from the
 * whole log (so an illegal event throws and nothing is written) and updates the projection in the
 * same transaction (DESIGN principle 1).
 */
import { and, asc, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { GongkaiError } from '../errors.ts';
import { type IsoDate, toDayNumber } from '../law/date.ts';
import type { PetitionChannel } from '../petitions/channel.ts';
import { type PetitionClock, petitionClock } from '../petitions/clock.ts';
import type { PetitionEvent } from '../petitions/events.ts';
import type { LeaderLevel } from '../petitions/leaderLevel.ts';
import type { DayCountOptions } from '../petitions/period.ts';
import { newPetitionQueryCode } from '../petitions/queryCode.ts';
import { loadCalendar } from './calendar.ts';
import type { Db } from './database.ts';
import { overlapping } from './periods.ts';
import { queuePetitionNotices } from './petitionNotices.ts';
import { firstRow } from './rows.ts';
import { petitionAggregates, petitionEvents, petitioners, petitions } from './schema/petitions.ts';
import { allIds } from './store/allIds.ts';
import { loggedEvents } from './store/caseEventLog.ts';
import { type Aggregate, append, create } from './store/eventStore.ts';
import { withFreshQueryCode } from './store/queryCode.ts';

export type PetitionRow = typeof petitions.$inferSelect;
export type PetitionerRow = typeof petitioners.$inferSelect;

export interface PetitionerInput {
  name: string;
  phone?: string | null;
  email?: string | null;
  idNumber?: string | null;
  address?: string | null;
}

export interface NewPetition {
  agencyId: number;
  channel: PetitionChannel;
  receivedOn: IsoDate;
  /** 人次 of a visit; 1 for the other channels. */
  persons?: number;
  leaderReceived?: boolean;
  leaderName?: string | null;
  leaderLevel?: LeaderLevel | null;
  subject: string;
  content: string;
  handlingUnit?: string | null;
  petitioners: PetitionerInput[];
  sourceApplicationId?: number | null;
}

export interface PetitionActor {
  userId?: number | null;
  ip?: string | null;
  /** Defaults to today in China; events may not be dated later. */
  today?: IsoDate;
  /** How periods end (rollover off by default); the calendar is loaded when not given. */
  clock?: DayCountOptions;
}

export interface PetitionDetail {
  row: PetitionRow;
  petitioners: PetitionerRow[];
  events: PetitionEvent[];
  clock: PetitionClock;
}

/** Registers a petition with a fresh query code. Throws (writing nothing) when the input is not allowed. */
export async function registerPetition(
  db: Db,
  input: NewPetition,
  actor: PetitionActor = {},
): Promise<{ id: number; queryCode: string }> {
  checkShape(input);
  await checkNoAggregate(db, input.agencyId, input.receivedOn);
  const event: PetitionEvent = { type: 'Registered', on: input.receivedOn, channel: input.channel };
  const options = {
    auditVerb: 'register',
    auditDetails: {
      channel: input.channel,
      receivedOn: input.receivedOn,
      sourceApplicationId: input.sourceApplicationId ?? null,
    },
    context: await clockOptions(db, actor),
  };
  const insertRow = async (tx: Db, clock: PetitionClock, queryCode: string) => {
    const [row] = await tx
      .insert(petitions)
      .values({
        agencyId: input.agencyId,
        queryCode,
        channel: input.channel,
        receivedOn: input.receivedOn,
        persons: input.channel === 'visit' ? (input.persons ?? 1) : 1,
        leaderReceived: input.leaderReceived ?? false,
        leaderName: input.leaderReceived ? (input.leaderName ?? null) : null,
        leaderLevel: input.leaderReceived ? (input.leaderLevel ?? null) : null,
        subject: input.subject,
        content: input.content,
        handlingUnit: input.handlingUnit ?? null,
        phoneDigits: (input.petitioners[0].phone ?? '').replace(/\D/g, ''),
        sourceApplicationId: input.sourceApplicationId ?? null,
        version: 0,
        createdBy: actor.userId ?? null,
        ...projection(clock),
      })
      .onConflictDoNothing({ target: petitions.queryCode })
      .returning();
    if (row) await insertPetitioners(tx, row.id, input.petitioners);
    return row;
  };
  const code = { draw: newPetitionQueryCode, exhausted: 'petition.query-code' } as const;
  return withFreshQueryCode(code, (queryCode) => {
    const insert = (tx: Db, clock: PetitionClock) => insertRow(tx, clock, queryCode);
    return create(db, petitionAggregate, [event], insert, actor, options);
  });
}

async function insertPetitioners(tx: Db, petitionId: number, people: PetitionerInput[]) {
  await tx.insert(petitioners).values(
    people.map((p, i) => ({
      petitionId,
      position: i + 1,
      name: p.name,
      phone: p.phone ?? null,
      email: p.email ?? null,
      idNumber: p.idNumber ?? null,
      address: p.address ?? null,
    })),
  );
}

/** Petitions in the event store: the clocks re-derived from the whole log. */
export const petitionAggregate: Aggregate<
  PetitionRow,
  PetitionEvent,
  PetitionClock,
  DayCountOptions
> = {
  kind: 'petition',
  auditArea: 'petition',
  context: async (db) => ({ calendar: await loadCalendar(db) }),
  async lock(tx, id) {
    const [row] = await tx.select().from(petitions).where(eq(petitions.id, id)).for('update');
    return row;
  },
  log: petitionEventsOf,
  derive: (options, events) => {
    checkInOrder(events);
    return petitionClock(events, options);
  },
  async insertEvent(tx, row, seq, event, userId) {
    await tx.insert(petitionEvents).values(eventRow(row.id, seq, event, userId));
  },
  async project(tx, row, clock, version) {
    await tx
      .update(petitions)
      .set({ ...projection(clock), version, updatedAt: new Date() })
      .where(eq(petitions.id, row.id));
  },
  async afterAppend(tx, row, _clock, event) {
    if (event.type !== 'Answered') return;
    await tx
      .update(petitions)
      .set({ answerText: event.text ?? null })
      .where(eq(petitions.id, row.id));
  },
  notices: queuePetitionNotices,
  ids: (db) => allIds(db, petitions),
};

/**
 * Appends one event to a petition of `agencyId`. Throws a GongkaiError (and writes nothing) when
 * the event breaks a rule of the clock, is dated after today or before the last event.
 */
export async function appendPetitionEvent(
  db: Db,
  agencyId: number,
  petitionId: number,
  event: PetitionEvent,
  actor: PetitionActor = {},
): Promise<PetitionClock> {
  return append(db, petitionAggregate, petitionId, event, actor, {
    agencyId,
    context: await clockOptions(db, actor),
  });
}

/** Events come in date order; the clocks assume it. */
function checkInOrder(events: PetitionEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    if (toDayNumber(events[i].on) < toDayNumber(events[i - 1].on)) {
      throw new GongkaiError('petition.events.out-of-order', {
        on: events[i].on,
        previous: events[i - 1].on,
      });
    }
  }
}

export async function petitionEventsOf(db: Db, petitionId: number): Promise<PetitionEvent[]> {
  return loggedEvents(db, petitionEvents, petitionEvents.petitionId, petitionId);
}

/** One petition of the agency with its petitioners, events and clocks. */
export async function getPetition(
  db: Db,
  agencyId: number,
  petitionId: number,
  options: DayCountOptions = {},
): Promise<PetitionDetail | undefined> {
  const [row] = await db
    .select()
    .from(petitions)
    .where(and(eq(petitions.id, petitionId), eq(petitions.agencyId, agencyId)));
  if (!row) return undefined;
  const people = await db
    .select()
    .from(petitioners)
    .where(eq(petitioners.petitionId, petitionId))
    .orderBy(asc(petitioners.position));
  const events = await petitionEventsOf(db, petitionId);
  const calendar = options.calendar ?? (await loadCalendar(db));
  return {
    row,
    petitioners: people,
    events,
    clock: petitionClock(events, { ...options, calendar }),
  };
}

export interface PetitionFilter {
  status?: string;
  channel?: PetitionChannel;
  from?: IsoDate;
  to?: IsoDate;
}

/**
 * One page of the register, newest first, with the first petitioner's name for staff lists,
 * and how many petitions the filter matches in all.
 */
export async function listPetitions(
  db: Db,
  agencyId: number,
  filter: PetitionFilter = {},
  page: { page: number; pageSize: number } = { page: 1, pageSize: 100 },
) {
  const conditions: SQL[] = [eq(petitions.agencyId, agencyId)];
  if (filter.status) conditions.push(eq(petitions.status, filter.status));
  if (filter.channel) conditions.push(eq(petitions.channel, filter.channel));
  if (filter.from) conditions.push(gte(petitions.receivedOn, filter.from));
  if (filter.to) conditions.push(lte(petitions.receivedOn, filter.to));
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(petitions)
    .where(and(...conditions));
  const rows = await db
    .select({ petition: petitions, petitionerName: petitioners.name })
    .from(petitions)
    .leftJoin(
      petitioners,
      and(eq(petitioners.petitionId, petitions.id), eq(petitioners.position, 1)),
    )
    .where(and(...conditions))
    .orderBy(desc(petitions.receivedOn), desc(petitions.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { rows, total: Number(total) };
}

/** The petition a query code and the last four digits of the phone number identify, if any. */
export async function findPetitionForTracking(
  db: Db,
  agencyId: number,
  queryCode: string,
  phoneLast4: string,
): Promise<PetitionRow | undefined> {
  const row = await firstRow(db, petitions, { agencyId, queryCode });
  if (!row || row.phoneDigits.length < 4 || !row.phoneDigits.endsWith(phoneLast4)) return undefined;
  return row;
}

/** The petition created from a disclosure application (row n1), if any: the link's other direction. */
export async function findPetitionByApplication(
  db: Db,
  applicationId: number,
): Promise<PetitionRow | undefined> {
  return firstRow(db, petitions, { sourceApplicationId: applicationId });
}

function projection(clock: PetitionClock) {
  return {
    status: clock.status,
    acceptanceDecision: clock.acceptanceDecision,
    acceptanceDue: clock.acceptance.due,
    acceptanceDecidedOn: clock.acceptance.doneOn,
    handlingDue: clock.handling?.due ?? null,
    extensionDays: clock.extensionDays,
    closedOn: clock.closedOn,
  };
}

function eventRow(petitionId: number, seq: number, event: PetitionEvent, userId: number | null) {
  return {
    petitionId,
    seq,
    type: event.type,
    on: event.on,
    data: event as unknown as Record<string, unknown>,
    userId,
  };
}

async function clockOptions(db: Db, actor: PetitionActor): Promise<DayCountOptions> {
  return { ...actor.clock, calendar: actor.clock?.calendar ?? (await loadCalendar(db)) };
}

function checkShape(input: NewPetition): void {
  if (input.petitioners.length === 0) {
    throw new GongkaiError('petition.no-petitioner', '请至少填写一名信访人');
  }
  const persons = input.persons ?? 1;
  if (input.channel === 'visit' && (!Number.isInteger(persons) || persons < 1)) {
    throw new GongkaiError('petition.persons', '来访人数应为正整数');
  }
  if (input.leaderReceived && input.channel !== 'visit') {
    throw new GongkaiError('petition.leader.not-visit', '领导接访只适用于来访事项');
  }
}

/** A period entered as aggregate totals takes no individual records: they would be counted twice. */
async function checkNoAggregate(db: Db, agencyId: number, on: IsoDate): Promise<void> {
  const [covering] = await db
    .select({ from: petitionAggregates.periodFrom, to: petitionAggregates.periodTo })
    .from(petitionAggregates)
    .where(
      and(
        eq(petitionAggregates.agencyId, agencyId),
        overlapping(petitionAggregates.periodFrom, petitionAggregates.periodTo, on, on),
      ),
    );
  if (covering) {
    throw new GongkaiError(
      'petition.aggregate.period',
      `${on} 属于已按汇总数录入的期间（${covering.from}至${covering.to}），不能再逐件登记，否则会重复统计`,
    );
  }
}
