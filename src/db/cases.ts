/**
 * Applications: submit, append events, read. Every append re-derives the state from the whole
 * log (so an illegal event throws and nothing is written) and updates the projection, the
 * appeals and the letters in the same transaction (DESIGN principle 1).
 */
import { and, asc, eq } from 'drizzle-orm';
import { derive } from '../cases/derive.ts';
import type { CaseEvent, CaseKind } from '../cases/events.ts';
import { letterDocx } from '../cases/letterDocx.ts';
import { letterFor, PROVISIONAL, PROVISIONAL_HELD } from '../cases/letters.ts';
import { letterAddressee } from '../cases/parties.ts';
import { newQueryCode } from '../cases/queryCode.ts';
import type { CaseState } from '../cases/state.ts';
import { GongkaiError } from '../errors.ts';
import type { Calendar } from '../law/calendar.ts';
import type { IsoDate } from '../law/date.ts';
import type { ApplicantType } from '../law/keys.ts';
import type { Channel } from '../law/receipt.ts';
import { findAgencyById } from './agencies.ts';
import { allocateLetterNumber, remedyBodiesOf } from './agencyLetters.ts';
import { queueApplicationNotices, queueDueCorrection } from './applicationNotices.ts';
import { loadCalendar } from './calendar.ts';
import type { Db } from './database.ts';
import { firstRow } from './rows.ts';
import {
  type ApplicantDetails,
  appeals,
  applicationEvents,
  applications,
  letters,
  type RequestDetails,
} from './schema/cases.ts';
import { queueStaffNotices } from './staffNotices.ts';
import { allIds } from './store/allIds.ts';
import { loggedEvents } from './store/caseEventLog.ts';
import { type Aggregate, append, create } from './store/eventStore.ts';
import { withFreshQueryCode } from './store/queryCode.ts';

export type ApplicationRow = typeof applications.$inferSelect;
export type LetterRow = Omit<
  typeof letters.$inferSelect,
  'content' | 'agencyId' | 'year' | 'serial'
>;

export interface NewApplication {
  agencyId: number;
  channel: Channel;
  submittedOn: IsoDate;
  applicantType: ApplicantType;
  applicant: ApplicantDetails;
  request: RequestDetails;
  /** Staff registration: the receipt date when it is already fixed (in person, signed post). */
  receivedOn?: IsoDate;
  /** Absent: a 政府信息公开申请; `correction`: an Art. 41 request (outside T3). */
  kind?: CaseKind;
}

export interface Actor {
  userId?: number | null;
  ip?: string | null;
  /** Defaults to today in China; events may not be dated later. */
  today?: IsoDate;
  calendar?: Calendar;
}

/** Saves a new application with a fresh, unique query code. */
export async function submitApplication(
  db: Db,
  input: NewApplication,
  actor: Actor = {},
): Promise<{ id: number; queryCode: string }> {
  const events: CaseEvent[] = [
    {
      type: 'Submitted',
      on: input.submittedOn,
      channel: input.channel,
      ...(input.kind === 'correction' ? { kind: input.kind } : {}),
    },
  ];
  if (input.receivedOn) events.push({ type: 'Received', on: input.receivedOn });
  const options = {
    auditVerb: 'submit',
    auditDetails: { channel: input.channel, received: input.receivedOn ?? null },
    context: actor.calendar ?? (await loadCalendar(db)),
  };
  const insertRow = async (tx: Db, state: CaseState, queryCode: string) => {
    const [row] = await tx
      .insert(applications)
      .values({
        agencyId: input.agencyId,
        queryCode,
        channel: input.channel,
        caseKind: input.kind ?? 'disclosure',
        submittedOn: input.submittedOn,
        applicantType: input.applicantType,
        applicantName: input.applicant.name,
        phoneDigits: input.applicant.phone.replace(/\D/g, ''),
        applicant: input.applicant,
        request: input.request,
        version: 0,
        ...projection(state),
      })
      .onConflictDoNothing({ target: applications.queryCode })
      .returning();
    return row;
  };
  const code = { draw: newQueryCode, exhausted: 'cases.query-code' } as const;
  return withFreshQueryCode(code, (queryCode) => {
    const insert = (tx: Db, state: CaseState) => insertRow(tx, state, queryCode);
    return create(db, applicationAggregate, events, insert, actor, options);
  });
}

/** Applications in the event store: the clock re-derived from the whole log. */
export const applicationAggregate: Aggregate<ApplicationRow, CaseEvent, CaseState, Calendar> = {
  kind: 'application',
  auditArea: 'case',
  context: (db) => loadCalendar(db),
  async lock(tx, id) {
    const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
    return row;
  },
  log: eventsOf,
  derive,
  async insertEvent(tx, row, seq, event, userId) {
    await tx.insert(applicationEvents).values({
      applicationId: row.id,
      seq,
      type: event.type,
      on: event.on,
      data: event as unknown as Record<string, unknown>,
      userId,
    });
  },
  async project(tx, row, state, version) {
    await tx
      .update(applications)
      .set({ ...projection(state), version, updatedAt: new Date() })
      .where(eq(applications.id, row.id));
  },
  async afterAppend(tx, row, state, event, seq) {
    await projectAppeal(tx, row, event);
    await storeLetter(tx, row, state, event, seq);
  },
  async notices(tx, row, state, event, seq) {
    await queueApplicationNotices(tx, row, state, event, seq);
    await queueStaffNotices(tx, row, event, seq);
  },
  reprojected: queueDueCorrection,
  ids: (db) => allIds(db, applications),
};

/**
 * Appends one event. Throws a GongkaiError (and writes nothing) when the event is not allowed
 * in the case's current state, is dated before the last event or after today, or breaks a
 * rule of the law core's clock.
 */
export function appendEvent(
  db: Db,
  applicationId: number,
  event: CaseEvent,
  actor: Actor = {},
): Promise<CaseState> {
  return append(db, applicationAggregate, applicationId, event, actor, { context: actor.calendar });
}

function projection(state: CaseState) {
  return {
    status: state.status,
    receivedOn: state.receivedOn,
    decision: state.decision,
    outcome: state.outcome,
    resolvedOn: state.resolvedOn,
    servedOn: state.servedOn,
    replyDue: state.outcome === null ? (state.clock?.due ?? null) : null,
    supplementNoticeDue: state.clock?.supplementNoticeDue ?? null,
    handlerId: state.handlerId,
  };
}

async function projectAppeal(db: Db, row: ApplicationRow, event: CaseEvent) {
  if (event.type === 'AppealFiled') {
    await db.insert(appeals).values({
      applicationId: row.id,
      appealId: event.appealId,
      agencyId: row.agencyId,
      kind: event.kind,
      body: event.body,
      caseNumber: event.caseNumber ?? null,
      filedOn: event.on,
    });
  } else if (event.type === 'AppealClosed') {
    await db
      .update(appeals)
      .set({ closedOn: event.on, outcome: event.outcome })
      .where(and(eq(appeals.applicationId, row.id), eq(appeals.appealId, event.appealId)));
  }
}

async function storeLetter(
  db: Db,
  row: ApplicationRow,
  state: CaseState,
  event: CaseEvent,
  seq: number,
) {
  const agency = await findAgencyById(db, row.agencyId);
  if (!agency) throw new GongkaiError('agency.not-found', '该单位不存在。');
  const context = {
    agencyName: agency.name,
    applicationId: row.id,
    applicantName: letterAddressee(row.applicantName, row.applicant.agent),
    description: row.request.description,
    state,
    number: '',
    bodies: await remedyBodiesOf(db, agency),
  };
  if (!letterFor(context, event)) return;
  const numbered = await allocateLetterNumber(db, agency, Number(event.on.slice(0, 4)));
  const letter = letterFor({ ...context, number: numbered.number }, event)!;
  if (agency.holdProvisionalLetters && letter.paragraphs.includes(PROVISIONAL)) {
    throw new GongkaiError('cases.letter.provisional-held', PROVISIONAL_HELD);
  }
  await db.insert(letters).values({
    applicationId: row.id,
    eventSeq: seq,
    kind: letter.kind,
    title: letter.title,
    toApplicant: letter.toApplicant,
    content: await letterDocx(letter),
    agencyId: agency.id,
    ...numbered,
  });
}

export async function eventsOf(db: Db, applicationId: number): Promise<CaseEvent[]> {
  return loggedEvents(db, applicationEvents, applicationEvents.applicationId, applicationId);
}

export interface StoredEvent {
  seq: number;
  event: CaseEvent;
  userId: number | null;
  at: Date;
}

export async function timelineOf(db: Db, applicationId: number): Promise<StoredEvent[]> {
  const rows = await db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.seq));
  return rows.map((r) => ({
    seq: r.seq,
    event: r.data as unknown as CaseEvent,
    userId: r.userId,
    at: r.at,
  }));
}

export async function findApplication(db: Db, id: number): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

/** The application behind a query code, within an agency. */
export async function findByQueryCode(db: Db, agencyId: number, queryCode: string) {
  return firstRow(db, applications, { queryCode, agencyId });
}

/** The case state re-derived from the stored log (the projection is its cache). */
export async function loadCase(db: Db, id: number, calendar?: Calendar) {
  const row = await findApplication(db, id);
  if (!row) return undefined;
  const events = await eventsOf(db, id);
  const state = derive(calendar ?? (await loadCalendar(db)), events, events.length);
  return { row, events, state };
}

export async function lettersOf(db: Db, applicationId: number): Promise<LetterRow[]> {
  return db
    .select({
      id: letters.id,
      applicationId: letters.applicationId,
      eventSeq: letters.eventSeq,
      kind: letters.kind,
      title: letters.title,
      toApplicant: letters.toApplicant,
      number: letters.number,
      createdAt: letters.createdAt,
    })
    .from(letters)
    .where(eq(letters.applicationId, applicationId))
    .orderBy(asc(letters.id));
}

export async function letterContent(db: Db, applicationId: number, letterId: number) {
  return firstRow(db, letters, { id: letterId, applicationId });
}
