/** The workbench queries: open cases by filter, dashboard counts, the staff cases can go to. */
import {
  and,
  asc,
  between,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  lt,
  type SQL,
  sql,
} from 'drizzle-orm';
import { APPROVER_ROLES } from '../cases/approval.ts';
import type { CaseKind } from '../cases/events.ts';
import type { IsoDate } from '../law/date.ts';
import type { Db } from './database.ts';
import { applicationEvents, applications } from './schema/cases.ts';
import { memberships, type Role, users } from './schema.ts';

export const OPEN_STATUSES = ['pending', 'open', 'awaitingApplicant', 'consulting', 'decided'];

export type CaseView = 'open' | 'pending' | 'due' | 'overdue' | 'applicant' | 'supplied' | 'closed';

/** The case's latest event is the applicant's online 补正: it waits for the staff to go on. */
const suppliedOnline = sql`exists (select 1 from ${applicationEvents} e
  where e.application_id = ${applications.id} and e.type = 'SupplementReceived'
    and e.data->>'by' = 'applicant'
    and e.seq = (select max(m.seq) from ${applicationEvents} m where m.application_id = ${applications.id}))`;

export interface CaseFilter {
  view: CaseView;
  handlerId?: number;
  /** Only 依申请公开 or only Art. 41 correction requests; absent: both. */
  kind?: CaseKind;
  today: IsoDate;
  /** The last day that counts as "due soon" (today + 3 working days). */
  dueBy: IsoDate;
}

function conditions(agencyId: number, f: CaseFilter): SQL[] {
  const out: SQL[] = [eq(applications.agencyId, agencyId)];
  const open = inArray(applications.status, OPEN_STATUSES);
  switch (f.view) {
    case 'open':
      out.push(open);
      break;
    case 'pending':
      out.push(eq(applications.status, 'pending'));
      break;
    case 'due':
      out.push(isNull(applications.resolvedOn), between(applications.replyDue, f.today, f.dueBy));
      break;
    case 'overdue':
      out.push(isNull(applications.resolvedOn), lt(applications.replyDue, f.today));
      break;
    case 'applicant':
      out.push(eq(applications.status, 'awaitingApplicant'));
      break;
    case 'supplied':
      out.push(suppliedOnline);
      break;
    case 'closed':
      out.push(
        sql`${applications.status} not in ('pending','open','awaitingApplicant','consulting','decided')`,
      );
      break;
  }
  if (f.handlerId !== undefined) out.push(eq(applications.handlerId, f.handlerId));
  if (f.kind !== undefined) out.push(eq(applications.caseKind, f.kind));
  return out;
}

/** One page of the workbench list. */
export interface ListPage {
  page: number;
  pageSize: number;
}

/** One page of the cases in a view, oldest deadline first, and how many the view holds in all. */
export async function listCases(db: Db, agencyId: number, filter: CaseFilter, page: ListPage) {
  const where = and(...conditions(agencyId, filter));
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(applications)
    .where(where);
  const order =
    filter.view === 'closed'
      ? [desc(applications.resolvedOn), desc(applications.id)]
      : [sql`${applications.replyDue} asc nulls last`, asc(applications.id)];
  const rows = db
    .select({
      id: applications.id,
      applicantName: applications.applicantName,
      applicantType: applications.applicantType,
      channel: applications.channel,
      submittedOn: applications.submittedOn,
      receivedOn: applications.receivedOn,
      status: applications.status,
      caseKind: applications.caseKind,
      outcome: applications.outcome,
      replyDue: applications.replyDue,
      handlerId: applications.handlerId,
      handlerName: users.displayName,
      description: sql<string>`${applications.request}->>'description'`,
    })
    .from(applications)
    .leftJoin(users, eq(users.id, applications.handlerId))
    .where(where)
    .orderBy(...order)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { rows: await rows, total: Number(total) };
}

/** How many cases each workbench view holds. */
export async function caseCounts(
  db: Db,
  agencyId: number,
  today: IsoDate,
  dueBy: IsoDate,
): Promise<Record<Exclude<CaseView, 'closed'>, number>> {
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${inArray(applications.status, OPEN_STATUSES)})`,
      pending: sql<number>`count(*) filter (where ${applications.status} = 'pending')`,
      due: sql<number>`count(*) filter (where ${applications.resolvedOn} is null and ${applications.replyDue} between ${today} and ${dueBy})`,
      overdue: sql<number>`count(*) filter (where ${applications.resolvedOn} is null and ${applications.replyDue} < ${today})`,
      applicant: sql<number>`count(*) filter (where ${applications.status} = 'awaitingApplicant')`,
      supplied: sql<number>`count(*) filter (where ${suppliedOnline})`,
    })
    .from(applications)
    .where(and(eq(applications.agencyId, agencyId), isNotNull(applications.id)));
  return {
    open: Number(row.open),
    pending: Number(row.pending),
    due: Number(row.due),
    overdue: Number(row.overdue),
    applicant: Number(row.applicant),
    supplied: Number(row.supplied),
  };
}

/** On memberships joined with users: the agency's handlers and office staff, not disabled. */
export function isCaseStaffOf(agencyId: number) {
  return and(
    eq(memberships.agencyId, agencyId),
    inArray(memberships.role, ['handler', 'office']),
    eq(users.disabled, false),
  );
}

/** Users who can handle cases in the agency (handlers and the office). */
export async function caseStaff(db: Db, agencyId: number) {
  const rows = await db
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(isCaseStaffOf(agencyId))
    .orderBy(asc(users.id));
  return rows;
}

/** The agency's users who may be named as approving an extension, with their approving roles. */
export async function caseApprovers(
  db: Db,
  agencyId: number,
): Promise<{ id: number; displayName: string; roles: Role[] }[]> {
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.agencyId, agencyId),
        inArray(memberships.role, [...APPROVER_ROLES]),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(users.id));
  const byId = new Map<number, { id: number; displayName: string; roles: Role[] }>();
  for (const r of rows) {
    const entry = byId.get(r.id) ?? { id: r.id, displayName: r.displayName, roles: [] };
    entry.roles.push(r.role as Role);
    byId.set(r.id, entry);
  }
  return [...byId.values()];
}
