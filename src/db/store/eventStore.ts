/**
 * The one event store (DESIGN principle 1). Every change to an application, a petition or a
 * publication goes through `append`: lock the row, load the log, run the aggregate's pure
 * derive over log + event (an illegal event throws and nothing is written), append with the next
 * sequence number, write the projection and the audit entry — one transaction. `reproject`
 * recomputes the date-dependent projections from the logs when the calendar or the law changes.
 */
import { type ErrorKind, GongkaiError } from '../../errors.ts';
import { type IsoDate, toDayNumber, todayInChina } from '../../law/date.ts';
import { audit } from '../audit.ts';
import type { Db } from '../database.ts';

export type AggregateKind = 'application' | 'petition' | 'publication';

export interface StoreActor {
  userId?: number | null;
  ip?: string | null;
  /** Defaults to today in China; events may not be dated later. */
  today?: IsoDate;
}

/** The row an aggregate keeps as its projection: its own id, agency and log length. */
export interface AggregateRow {
  id: number;
  agencyId: number;
  version: number;
}

export interface StoredEventBase {
  type: string;
  on?: string;
}

/**
 * One aggregate's part in the store. `derive` is the pure core; the rest is I/O on its own
 * tables. `Context` is what derive needs besides the log (the calendar, the law in force).
 */
type StoreArea = ErrorKind<'', '.not-found'> & ErrorKind<'', '.date.future'>;

export interface Aggregate<
  Row extends AggregateRow,
  Event extends StoredEventBase,
  State,
  Context,
> {
  kind: AggregateKind;
  /**
   * The first word of its audit actions (`case` → `case.Decided`) and of its store errors: the
   * catalogue must hold `<area>.not-found` and `<area>.date.future`.
   */
  auditArea: StoreArea;
  context(db: Db): Promise<Context>;
  /** Reads the row with `FOR UPDATE`; undefined when there is none. */
  lock(tx: Db, id: number): Promise<Row | undefined>;
  log(db: Db, id: number): Promise<Event[]>;
  /** Pure: the state after the whole log; throws a GongkaiError when the log is not allowed. */
  /** `recorded`: how many leading events are already stored (checked under their day's rules). */
  derive(context: Context, events: Event[], recorded?: number): State;
  insertEvent(tx: Db, row: Row, seq: number, event: Event, userId: number | null): Promise<void>;
  /** Writes the projection columns from the state; must be safe to repeat (reproject). */
  project(tx: Db, row: Row, state: State, version: number): Promise<void>;
  /** Messages one event sends (the outbox), in its transaction; on create and on append. */
  notices?(tx: Db, row: Row, state: State, event: Event, seq: number): Promise<void>;
  /**
   * Messages a reproject sends (the outbox), in its transaction, when the new state changes what
   * someone was told; `before` is the row with its old projection.
   */
  reprojected?(tx: Db, before: Row, state: State): Promise<void>;
  /** What one event adds besides the projection (letters, appeal rows); runs once, on append. */
  afterAppend?(tx: Db, row: Row, state: State, event: Event, seq: number): Promise<void>;
  /** What the audit entry records of an event besides its seq and date (a reason, a step). */
  auditDetails?(event: Event): Record<string, unknown>;
  /** Every id of the aggregate, for a full reproject. */
  ids(db: Db): Promise<number[]>;
}

export interface AppendOptions<Context> {
  /** Refuse (as not found) a row of another agency. */
  agencyId?: number;
  /** A context already loaded (tests, batch work); otherwise `aggregate.context(db)`. */
  context?: Context;
}

export async function append<Row extends AggregateRow, Event extends StoredEventBase, State, Ctx>(
  db: Db,
  aggregate: Aggregate<Row, Event, State, Ctx>,
  id: number,
  event: Event,
  actor: StoreActor = {},
  options: AppendOptions<Ctx> = {},
): Promise<State> {
  checkNotFuture(aggregate, event, actor.today ?? todayInChina());
  const context = options.context ?? (await aggregate.context(db));
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const row = await aggregate.lock(t, id);
    if (!row || (options.agencyId !== undefined && row.agencyId !== options.agencyId)) {
      throw new GongkaiError(`${aggregate.auditArea}.not-found`, `记录不存在：${id}`);
    }
    const past = await aggregate.log(t, id);
    const state = aggregate.derive(context, [...past, event], past.length);
    const seq = row.version + 1;
    await aggregate.insertEvent(t, row, seq, event, actor.userId ?? null);
    await aggregate.project(t, row, state, seq);
    await aggregate.afterAppend?.(t, row, state, event, seq);
    await aggregate.notices?.(t, row, state, event, seq);
    await audit(t, {
      userId: actor.userId,
      agencyId: row.agencyId,
      action: `${aggregate.auditArea}.${event.type}`,
      target: `${aggregate.kind}:${id}`,
      details: { seq, on: event.on ?? null, ...aggregate.auditDetails?.(event) },
      ip: actor.ip,
    });
    return state;
  });
}

export interface CreateOptions<Context> {
  /** The audit action's second word (`case.submit`) and what it records. */
  auditVerb: string;
  auditDetails?: Record<string, unknown>;
  context?: Context;
}

/**
 * Starts a new aggregate from its first events: derive them (an illegal start throws and nothing
 * is written), insert the row through `insertRow`, append the events from sequence 1, write the
 * projection and the audit entry — one transaction. `insertRow` returns undefined when a unique
 * key (the query code) collided; then nothing is written and `create` returns undefined so the
 * caller can retry with a fresh key.
 */
export async function create<Row extends AggregateRow, Event extends StoredEventBase, State, Ctx>(
  db: Db,
  aggregate: Aggregate<Row, Event, State, Ctx>,
  events: Event[],
  insertRow: (tx: Db, state: State) => Promise<Row | undefined>,
  actor: StoreActor,
  options: CreateOptions<Ctx>,
): Promise<{ row: Row; state: State } | undefined> {
  for (const event of events) checkNotFuture(aggregate, event, actor.today ?? todayInChina());
  const context = options.context ?? (await aggregate.context(db));
  const state = aggregate.derive(context, events);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const row = await insertRow(t, state);
    if (!row) return undefined;
    for (const [i, event] of events.entries()) {
      await aggregate.insertEvent(t, row, i + 1, event, actor.userId ?? null);
    }
    await aggregate.project(t, row, state, events.length);
    for (const [i, event] of events.entries())
      await aggregate.notices?.(t, row, state, event, i + 1);
    await audit(t, {
      userId: actor.userId,
      agencyId: row.agencyId,
      action: `${aggregate.auditArea}.${options.auditVerb}`,
      target: `${aggregate.kind}:${row.id}`,
      details: options.auditDetails ?? {},
      ip: actor.ip,
    });
    return { row, state };
  });
}

/** What a reproject did: how many projections it rewrote, and the logs that no longer derive. */
export interface ReprojectResult {
  rewritten: number;
  failed: { id: number; code: string }[];
}

/** Rows rewritten per transaction; the event loop gets a turn between batches. */
export const REPROJECT_BATCH = 200;

/**
 * Recomputes the projection of `ids` (default: every row) from their logs under today's
 * context, in batches of `REPROJECT_BATCH` rows (one short transaction each, yielding between
 * them, so thousands of rows neither hold one giant transaction nor block the server). Only the
 * projection is written: no event, no audit entry. A log that no longer derives (a law change
 * made it illegal) is left as it was and reported, never half-written.
 */
export async function reproject<
  Row extends AggregateRow,
  Event extends StoredEventBase,
  State,
  Ctx,
>(
  db: Db,
  aggregate: Aggregate<Row, Event, State, Ctx>,
  ids?: number[],
  options: {
    /** A context already loaded (tests, a run for a given day); otherwise `aggregate.context(db)`. */
    context?: Ctx;
    /** Called after each batch with the rows done and the total (the CLI's progress line). */
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<ReprojectResult> {
  const context = options.context ?? (await aggregate.context(db));
  const all = ids ?? (await aggregate.ids(db));
  const result: ReprojectResult = { rewritten: 0, failed: [] };
  for (let i = 0; i < all.length; i += REPROJECT_BATCH) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    const batch = await db.transaction(async (tx) => {
      const done: ReprojectResult = { rewritten: 0, failed: [] };
      for (const id of all.slice(i, i + REPROJECT_BATCH)) {
        await reprojectOne(tx as unknown as Db, aggregate, context, id, done);
      }
      return done;
    });
    result.rewritten += batch.rewritten;
    result.failed.push(...batch.failed);
    options.onProgress?.(Math.min(i + REPROJECT_BATCH, all.length), all.length);
  }
  return result;
}

async function reprojectOne<Row extends AggregateRow, Event extends StoredEventBase, State, Ctx>(
  tx: Db,
  aggregate: Aggregate<Row, Event, State, Ctx>,
  context: Ctx,
  id: number,
  done: ReprojectResult,
): Promise<void> {
  const row = await aggregate.lock(tx, id);
  if (!row) return;
  let state: State;
  try {
    const log = await aggregate.log(tx, id);
    state = aggregate.derive(context, log, log.length);
  } catch (error) {
    if (!(error instanceof GongkaiError)) throw error;
    done.failed.push({ id, code: error.code });
    return;
  }
  await aggregate.project(tx, row, state, row.version);
  await aggregate.reprojected?.(tx, row, state);
  done.rewritten++;
}

function checkNotFuture(
  aggregate: { auditArea: StoreArea },
  event: StoredEventBase,
  today: IsoDate,
): void {
  const on = event.on;
  if (typeof on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(on)) {
    if (toDayNumber(on) > toDayNumber(today)) {
      throw new GongkaiError(
        `${aggregate.auditArea}.date.future`,
        `日期（${on}）不能晚于今天（${today}）`,
      );
    }
  }
}
