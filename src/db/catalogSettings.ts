/**
 * The agency's catalogue settings, changed by its `admin`: the review chain and the categories.
 * Each change runs in one transaction with its audit_log entry (before and after).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type CatalogColumn, catalogColumns } from '../catalog/categories.ts';
import {
  keepsStepsInPlace,
  type ReviewChain,
  validateReviewChain,
} from '../catalog/reviewChain.ts';
import { GongkaiError } from '../errors.ts';
import { audit } from './audit.ts';
import {
  allowsConsecutiveSteps,
  type CatalogCategory,
  consecutiveStepsKey,
  getReviewChain,
  listCategories,
  saveReviewChain,
} from './catalogCategories.ts';
import type { Db } from './database.ts';
import { catalogCategories, catalogCategoryCounts, publications } from './schema/catalog.ts';
import { settings } from './schema.ts';

/** Who changes a setting: recorded in the audit log. */
export interface SettingsActor {
  userId: number;
  ip?: string | null;
}

/**
 * Replaces the review chain. Items in review hold only the index of their next step, so while any
 * is in review the chain may only be relabelled (same number of steps, same role at each); any
 * other change is refused until they are published or returned. Drafts and published items are
 * unaffected: a draft enters the chain at step 1 when submitted, and publishing always takes the
 * last step. The agency's drafts and items in review are locked first, so a submission racing
 * this change either lands before it (and is counted) or after it (under the new chain).
 */
export async function changeReviewChain(
  db: Db,
  agencyId: number,
  steps: unknown,
  actor: SettingsActor,
): Promise<{ chain: ReviewChain; changed: boolean }> {
  const chain = validateReviewChain(steps);
  return db.transaction(async (tx) => {
    const t = tx as Db;
    const open = await t
      .select({ id: publications.id, status: publications.status })
      .from(publications)
      .where(
        and(eq(publications.agencyId, agencyId), inArray(publications.status, ['draft', 'review'])),
      )
      .for('update');
    const before = await getReviewChain(t, agencyId);
    const plain = (c: ReviewChain) => c.map((s) => ({ label: s.label, role: s.role }));
    if (JSON.stringify(plain(before)) === JSON.stringify(plain(chain))) {
      return { chain: before, changed: false };
    }
    const inReview = open.filter((r) => r.status === 'review').length;
    if (inReview > 0 && !keepsStepsInPlace(before, chain)) {
      throw new GongkaiError('catalog.chain.in-review', { inReview }, { inReview });
    }
    const saved = await saveReviewChain(t, agencyId, chain);
    await audit(t, {
      userId: actor.userId,
      agencyId,
      action: 'settings.review-chain',
      target: `agency:${agencyId}`,
      details: { before: plain(before), after: plain(saved) },
      ip: actor.ip ?? null,
    });
    return { chain: saved, changed: true };
  });
}

/**
 * Lets one account clear two consecutive review steps, or stops it again (separation of duties,
 * the default). Audited with before and after; each use is audited too (catalog.review.consecutive).
 */
export async function changeConsecutiveSteps(
  db: Db,
  agencyId: number,
  allow: boolean,
  actor: SettingsActor,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const t = tx as Db;
    const before = await allowsConsecutiveSteps(t, agencyId);
    if (before === allow) return false;
    const key = consecutiveStepsKey(agencyId);
    const value = allow ? 'allow' : 'deny';
    await t
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value } });
    await audit(t, {
      userId: actor.userId,
      agencyId,
      action: 'settings.review-consecutive',
      target: `agency:${agencyId}`,
      details: { before, after: allow },
      ip: actor.ip ?? null,
    });
    return true;
  });
}

export interface CategoryInput {
  name: string;
  column: CatalogColumn;
}

const slugPattern = /^[a-z][a-z0-9-]{1,29}$/;

/** Adds a category at the end of its sub-column; `slug` (its web address) is generated if blank. */
export async function addCategory(
  db: Db,
  agencyId: number,
  input: CategoryInput & { slug?: string | null },
  actor: SettingsActor,
): Promise<CatalogCategory> {
  return withLockedCategories(db, agencyId, async (t, all) => {
    requireColumn(input.column);
    const name = requireUniqueName(all, input.name, null);
    const slug = input.slug?.trim() || freeSlug(all);
    if (!slugPattern.test(slug))
      throw new GongkaiError(
        'catalog.category.slug',
        '网址名以小写字母开头，由2至30个小写字母、数字或连字符组成。',
      );
    if (all.some((c) => c.slug === slug))
      throw new GongkaiError('catalog.category.slug-taken', { slug });
    const position = Math.max(-1, ...all.map((c) => c.position)) + 1;
    const [row] = await t
      .insert(catalogCategories)
      .values({ agencyId, slug, name, column: input.column, position })
      .returning();
    await auditCategory(t, actor, agencyId, 'settings.category.add', row.id, null, row);
    return row;
  });
}

/** Renames a category or moves it to another sub-column; its web address stays. */
export async function updateCategory(
  db: Db,
  agencyId: number,
  id: number,
  input: CategoryInput,
  actor: SettingsActor,
): Promise<CatalogCategory> {
  return withLockedCategory(db, agencyId, id, async (t, all, current) => {
    requireColumn(input.column);
    const name = requireUniqueName(all, input.name, id);
    if (current.column === 'reports' && input.column !== 'reports') requireAnotherReports(all, id);
    if (current.name === name && current.column === input.column) return current;
    const [row] = await t
      .update(catalogCategories)
      .set({ name, column: input.column })
      .where(eq(catalogCategories.id, id))
      .returning();
    await auditCategory(t, actor, agencyId, 'settings.category.update', id, current, row);
    return row;
  });
}

/** Moves a category one place up or down among the categories of its sub-column. */
export async function moveCategory(
  db: Db,
  agencyId: number,
  id: number,
  direction: 'up' | 'down',
  actor: SettingsActor,
): Promise<void> {
  await withLockedCategory(db, agencyId, id, async (t, all, current) => {
    const column = all.filter((c) => c.column === current.column);
    const at = column.findIndex((c) => c.id === id);
    const other = column[direction === 'up' ? at - 1 : at + 1];
    if (!other) return;
    const order = all.map((c) => c.id);
    const i = order.indexOf(current.id);
    const j = order.indexOf(other.id);
    [order[i], order[j]] = [order[j], order[i]];
    for (const [position, categoryId] of order.entries()) {
      if (all.find((c) => c.id === categoryId)!.position === position) continue;
      await t
        .update(catalogCategories)
        .set({ position })
        .where(eq(catalogCategories.id, categoryId));
    }
    const names = (ids: number[]) =>
      ids
        .map((x) => all.find((c) => c.id === x)!)
        .filter((c) => c.column === current.column)
        .map((c) => c.name);
    await audit(t, {
      userId: actor.userId,
      agencyId,
      action: 'settings.category.move',
      target: `category:${id}`,
      details: { before: names(all.map((c) => c.id)), after: names(order) },
      ip: actor.ip ?? null,
    });
  });
}

/**
 * Deletes a category that holds no item at all (draft, in review, published or withdrawn). The
 * schema has no way to hide a category, so one with items is refused: its items are records.
 */
export async function deleteCategory(
  db: Db,
  agencyId: number,
  id: number,
  actor: SettingsActor,
): Promise<void> {
  await withLockedCategory(db, agencyId, id, async (t, all, current) => {
    const [{ n }] = await t
      .select({ n: sql<number>`count(*)::int` })
      .from(publications)
      .where(and(eq(publications.agencyId, agencyId), eq(publications.categoryId, id)));
    if (n > 0)
      throw new GongkaiError(
        'catalog.category.has-items',
        { name: current.name, items: n },
        { items: n },
      );
    if (all.length === 1)
      throw new GongkaiError('catalog.category.last', '公开目录至少要保留一个分类。');
    if (current.column === 'reports') requireAnotherReports(all, id);
    await t.delete(catalogCategoryCounts).where(eq(catalogCategoryCounts.categoryId, id));
    await t.delete(catalogCategories).where(eq(catalogCategories.id, id));
    await auditCategory(t, actor, agencyId, 'settings.category.delete', id, current, null);
  });
}

/**
 * Runs `change` in one transaction with the agency's categories in order, locked so that
 * concurrent changes to them queue.
 */
async function withLockedCategories<T>(
  db: Db,
  agencyId: number,
  change: (t: Db, all: CatalogCategory[]) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const t = tx as Db;
    await listCategories(t, agencyId);
    const all = await t
      .select()
      .from(catalogCategories)
      .where(eq(catalogCategories.agencyId, agencyId))
      .orderBy(asc(catalogCategories.position), asc(catalogCategories.id))
      .for('update');
    return change(t, all);
  });
}

/** The same, for a change to the category `id` (refused if the agency has none such). */
function withLockedCategory<T>(
  db: Db,
  agencyId: number,
  id: number,
  change: (t: Db, all: CatalogCategory[], current: CatalogCategory) => Promise<T>,
): Promise<T> {
  return withLockedCategories(db, agencyId, (t, all) => change(t, all, requireCategory(all, id)));
}

function requireCategory(all: CatalogCategory[], id: number): CatalogCategory {
  const found = all.find((c) => c.id === id);
  if (!found) throw new GongkaiError('catalog.category.missing', '该分类不存在。');
  return found;
}

function requireColumn(column: string) {
  if (!catalogColumns.some((c) => c.key === column))
    throw new GongkaiError('catalog.category.column', '请选择所属栏目。');
}

function requireUniqueName(all: CatalogCategory[], name: string, id: number | null): string {
  const trimmed = name.trim();
  if (trimmed.length < 2 || trimmed.length > 30)
    throw new GongkaiError('catalog.category.name', '分类名称为2至30个字。');
  if (all.some((c) => c.id !== id && c.name === trimmed))
    throw new GongkaiError('catalog.category.name-taken', { name: trimmed });
  return trimmed;
}

/** The annual report is published into a 政府信息公开年报 category: one must remain. */
function requireAnotherReports(all: CatalogCategory[], id: number) {
  if (!all.some((c) => c.id !== id && c.column === 'reports'))
    throw new GongkaiError(
      'catalog.category.reports',
      '“政府信息公开年报”栏目至少要保留一个分类，年度报告发布时放在该栏目下。',
    );
}

function freeSlug(all: CatalogCategory[]): string {
  const taken = new Set(all.map((c) => c.slug));
  let n = all.length + 1;
  while (taken.has(`lm${n}`)) n++;
  return `lm${n}`;
}

async function auditCategory(
  t: Db,
  actor: SettingsActor,
  agencyId: number,
  action: string,
  id: number,
  before: CatalogCategory | null,
  after: CatalogCategory | null,
) {
  const shown = (c: CatalogCategory | null) =>
    c && { slug: c.slug, name: c.name, column: c.column, position: c.position };
  await audit(t, {
    userId: actor.userId,
    agencyId,
    action,
    target: `category:${id}`,
    details: { before: shown(before), after: shown(after) },
    ip: actor.ip ?? null,
  });
}

/** How many items (in any state) each category of the agency holds. */
export async function categoryItemCounts(db: Db, agencyId: number): Promise<Map<number, number>> {
  const rows = await db
    .select({ categoryId: publications.categoryId, n: sql<number>`count(*)::int` })
    .from(publications)
    .where(eq(publications.agencyId, agencyId))
    .groupBy(publications.categoryId);
  return new Map(rows.map((r) => [r.categoryId, r.n]));
}
