import { and, desc, eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { auditLog } from './schema.ts';

export interface AuditEntry {
  userId?: number | null;
  agencyId?: number | null;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends one entry. There is deliberately no update or delete function. */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    userId: entry.userId ?? null,
    agencyId: entry.agencyId ?? null,
    action: entry.action,
    target: entry.target ?? null,
    details: entry.details ?? null,
    ip: entry.ip ?? null,
  });
}

export async function listAudit(db: Db, filter: { agencyId?: number; action?: string } = {}) {
  const conditions = [];
  if (filter.agencyId !== undefined) conditions.push(eq(auditLog.agencyId, filter.agencyId));
  if (filter.action !== undefined) conditions.push(eq(auditLog.action, filter.action));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(200);
}
