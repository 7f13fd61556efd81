/**
 * What each registered aggregate gives the shared store suite: how to create one, a legal and an
 * illegal next event, an event appended many times at once, and its date-dependent projection
 * (a due date) before and after a notice makes HOLIDAY a rest day.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { submitApplication } from '../../../src/db/cases.ts';
import { listCategories } from '../../../src/db/catalogCategories.ts';
import type { Db } from '../../../src/db/database.ts';
import { registerPetition } from '../../../src/db/petitions.ts';
import { createPublication } from '../../../src/db/publications/drafts.ts';
import { applicationEvents, applications } from '../../../src/db/schema/cases.ts';
import { publicationEvents, publications } from '../../../src/db/schema/catalog.ts';
import { petitionEvents, petitions } from '../../../src/db/schema/petitions.ts';
import type { AggregateKind, StoredEventBase } from '../../../src/db/store/eventStore.ts';
import { createUser, grantRole } from '../../../src/db/users.ts';

export const TODAY = '2026-06-30';
/** A Tuesday, a working day in the bundled 2026 schedule; the suite's notice makes it a holiday. */
export const HOLIDAY = '2026-03-10';

export interface StoreFixture {
  /** A new row of `agencyId`, received on Monday 2026-03-02. */
  create(db: Db, agencyId: number): Promise<number>;
  legal: StoredEventBase;
  /** `code` is the start of the error code it must be refused with. */
  illegal: { event: StoredEventBase; code: string };
  /** Appended several times at once: the first is legal, the rest may or may not be. */
  concurrent: StoredEventBase;
  /** The stored date-dependent projection. */
  due(db: Db, id: number): Promise<string | null>;
  dueBefore: string;
  dueAfterHoliday: string;
  /** Writes a wrong value into that projection, for reproject to restore. */
  spoil(db: Db, id: number): Promise<void>;
  seqs(db: Db, id: number): Promise<number[]>;
}

const application: StoreFixture = {
  async create(db, agencyId) {
    const { id } = await submitApplication(
      db,
      {
        agencyId,
        channel: 'in-person',
        submittedOn: '2026-03-02',
        receivedOn: '2026-03-02',
        applicantType: 'np',
        applicant: { kind: 'person', name: '王五', phone: '13900139000' },
        request: { description: '2025年度部门预算', form: '纸质', delivery: '自取' },
      },
      { today: TODAY },
    );
    return id;
  },
  legal: { type: 'Assigned', on: '2026-03-03', handlerId: null } as StoredEventBase,
  illegal: { event: { type: 'Served', on: '2026-03-03' }, code: 'cases.illegal.' },
  concurrent: { type: 'Assigned', on: '2026-03-04', handlerId: null } as StoredEventBase,
  async due(db, id) {
    const [row] = await db.select().from(applications).where(eq(applications.id, id));
    return row.replyDue;
  },
  // 20 working days from 2026-03-03; one of them becomes a rest day, so the due moves one day.
  dueBefore: '2026-03-30',
  dueAfterHoliday: '2026-03-31',
  async spoil(db, id) {
    await db.update(applications).set({ replyDue: '2000-01-01' }).where(eq(applications.id, id));
  },
  async seqs(db, id) {
    const rows = await db
      .select({ seq: applicationEvents.seq })
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, id))
      .orderBy(asc(applicationEvents.seq));
    return rows.map((r) => r.seq);
  },
};

const petition: StoreFixture = {
  async create(db, agencyId) {
    const { id } = await registerPetition(
      db,
      {
        agencyId,
        channel: 'online',
        receivedOn: '2026-03-02',
        subject: '道路积水',
        content: '雨后路口积水严重。',
        petitioners: [{ name: '赵六', phone: '13700137000' }],
      },
      { today: TODAY },
    );
    return id;
  },
  legal: { type: 'AcceptanceDecided', on: '2026-03-05', decision: 'accepted' } as StoredEventBase,
  illegal: {
    event: { type: 'AcceptanceDecided', on: '2026-03-01', decision: 'accepted' } as StoredEventBase,
    code: 'petition.events.out-of-order',
  },
  concurrent: {
    type: 'AcceptanceDecided',
    on: '2026-03-05',
    decision: 'accepted',
  } as StoredEventBase,
  async due(db, id) {
    const [row] = await db.select().from(petitions).where(eq(petitions.id, id));
    return row.acceptanceDue;
  },
  // 信访 periods are calendar days without rollover (《信访工作条例》): a new holiday moves nothing.
  dueBefore: '2026-03-17',
  dueAfterHoliday: '2026-03-17',
  async spoil(db, id) {
    await db.update(petitions).set({ acceptanceDue: '2000-01-01' }).where(eq(petitions.id, id));
  },
  async seqs(db, id) {
    const rows = await db
      .select({ seq: petitionEvents.seq })
      .from(petitionEvents)
      .where(eq(petitionEvents.petitionId, id))
      .orderBy(asc(petitionEvents.seq));
    return rows.map((r) => r.seq);
  },
};

const publication: StoreFixture = {
  async create(db, agencyId) {
    const [category] = await listCategories(db, agencyId);
    const user = await createUser(db, {
      username: `store-drafter-${randomBytes(4).toString('hex')}`,
      password: 'password-123',
    });
    await grantRole(db, user.id, agencyId, 'drafter');
    const { id } = await createPublication(
      db,
      agencyId,
      {
        categoryId: category.id,
        title: '关于开展信访宣传月活动的通知',
        body: '# 一、活动时间\n\n三月。',
        madeOn: '2026-03-01',
        issuer: '某县信访局',
      },
      { userId: user.id, roles: ['drafter'] },
    );
    return id;
  },
  // System events (no actor: imports, migrated history) skip the role checks, not the rules.
  legal: {
    type: 'edited',
    by: null,
    roles: [],
    on: '2026-06-29',
    changes: { summary: '宣传月' },
  } as StoredEventBase,
  illegal: {
    event: {
      type: 'approved',
      by: null,
      roles: [],
      on: '2026-06-29',
      step: 0,
      consecutiveAllowed: false,
    } as StoredEventBase,
    code: 'catalog.',
  },
  concurrent: {
    type: 'edited',
    by: null,
    roles: [],
    on: '2026-06-29',
    changes: { keywords: '信访' },
  } as StoredEventBase,
  // Its date-dependent projection is 有效性, which a holiday notice does not move.
  async due(db, id) {
    const [row] = await db.select().from(publications).where(eq(publications.id, id));
    return row.validity;
  },
  dueBefore: 'valid',
  dueAfterHoliday: 'valid',
  async spoil(db, id) {
    await db.update(publications).set({ validity: 'repealed' }).where(eq(publications.id, id));
  },
  async seqs(db, id) {
    const rows = await db
      .select({ seq: publicationEvents.seq })
      .from(publicationEvents)
      .where(and(eq(publicationEvents.publicationId, id), isNotNull(publicationEvents.seq)))
      .orderBy(asc(publicationEvents.seq));
    return rows.map((r) => r.seq as number);
  },
};

/** One fixture per registered kind; the suite fails for a registered kind without one. */
export const fixtures: Partial<Record<AggregateKind, StoreFixture>> = {
  application,
  petition,
  publication,
};
