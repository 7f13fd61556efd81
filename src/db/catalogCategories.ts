import { asc, eq } from 'drizzle-orm';
import { defaultCategories } from '../catalog/categories.ts';
import {
  defaultReviewChain,
  type ReviewChain,
  validateReviewChain,
} from '../catalog/reviewChain.ts';
import type { Db } from './database.ts';
import { firstRow } from './rows.ts';
import { catalogCategories, catalogReviewChains } from './schema/catalog.ts';
import { settings } from './schema.ts';

export type CatalogCategory = typeof catalogCategories.$inferSelect;

/** The agency's categories; the defaults are created the first time they are asked for. */
export async function listCategories(db: Db, agencyId: number): Promise<CatalogCategory[]> {
  const rows = await db
    .select()
    .from(catalogCategories)
    .where(eq(catalogCategories.agencyId, agencyId))
    .orderBy(asc(catalogCategories.position), asc(catalogCategories.id));
  if (rows.length > 0) return rows;
  await db
    .insert(catalogCategories)
    .values(defaultCategories.map((c, position) => ({ ...c, agencyId, position })))
    .onConflictDoNothing();
  return listCategories(db, agencyId);
}

export async function findCategory(
  db: Db,
  agencyId: number,
  slug: string,
): Promise<CatalogCategory | undefined> {
  const all = await listCategories(db, agencyId);
  return all.find((c) => c.slug === slug);
}

export async function findCategoryById(db: Db, agencyId: number, id: number) {
  return firstRow(db, catalogCategories, { agencyId, id });
}

/** The agency's review chain, or the default four steps. */
export async function getReviewChain(db: Db, agencyId: number): Promise<ReviewChain> {
  const [row] = await db
    .select()
    .from(catalogReviewChains)
    .where(eq(catalogReviewChains.agencyId, agencyId));
  return row ? validateReviewChain(row.steps) : defaultReviewChain;
}

export async function saveReviewChain(
  db: Db,
  agencyId: number,
  steps: unknown,
): Promise<ReviewChain> {
  const chain = validateReviewChain(steps);
  const value = chain.map((s) => ({ label: s.label, role: s.role }));
  await db
    .insert(catalogReviewChains)
    .values({ agencyId, steps: value })
    .onConflictDoUpdate({
      target: catalogReviewChains.agencyId,
      set: { steps: value, updatedAt: new Date() },
    });
  return chain;
}

/** The `settings` key of an agency's choice to let one account clear two consecutive steps. */
export const consecutiveStepsKey = (agencyId: number) =>
  `agency:${agencyId}:review.consecutive-steps`;

/** Whether the agency lets one account clear two consecutive review steps (default: no). */
export async function allowsConsecutiveSteps(db: Db, agencyId: number): Promise<boolean> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, consecutiveStepsKey(agencyId)));
  return row?.value === 'allow';
}
