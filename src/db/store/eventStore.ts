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
  derive(context: Context, events: Event[]): State;
  insertEvent(tx: Db, row: Row, seq: number, event: Event, userId: number | null): Promise<void>;
  /** Writes the projection columns from the state; must be safe to repeat (reproject). */
  project(tx: Db, row: Row, state: State, version: number): Promise<void>;
  /** What one event adds besides the projection (letters, appeal rows); runs once, on append. */
  afterAppend?(tx: Db, row: Row, state: State, event: Event, seq: number): Promise<void>;
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
    const state = aggregate.derive(context, [...past, event]);
    const seq = row.version + 1;
    await aggregate.insertEvent(t, row, seq, event, actor.userId ?? null);
    await aggregate.project(t, row, state, seq);
    await aggregate.afterAppend?.(t, row, state, event, seq);
    await audit(t, {
      userId: actor.userId,
      agencyId: row.agencyId,
      action: `${aggregate.auditArea}.${event.type}`,
      target: `${aggregate.kind}:${id}`,
      details: { seq, on: event.on ?? null },
      ip: actor.ip,
    });
    return state;
  });
}

/**
 * Recomputes the projection of `ids` (default: every row) from their logs under today's
 * context. Returns how many rows were rewritten. A log that no longer derives (a law change
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
): Promise<{ rewritten: number; failed: { id: number; code: string }[] }> {
  const context = await aggregate.context(db);
  const failed: { id: number; code: string }[] = [];
  let rewritten = 0;
  for (const id of ids ?? (await aggregate.ids(db))) {
    try {
      await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const row = await aggregate.lock(t, id);
        if (!row) return;
        const state = aggregate.derive(context, await aggregate.log(t, id));
        await aggregate.project(t, row, state, row.version);
        rewritten++;
      });
    } catch (error) {
      if (!(error instanceof GongkaiError)) throw error;
      failed.push({ id, code: error.code });
    }
  }
  return { rewritten, failed };
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
