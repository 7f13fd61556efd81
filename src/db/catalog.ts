/**
 * The publications repository, as callers knew it before it moved to `db/publications/` (one
 * concept per file). New code imports from there.
 */
export * from './publications/actor.ts';
export * from './publications/aggregate.ts';
export * from './publications/attachments.ts';
export * from './publications/drafts.ts';
export * from './publications/import.ts';
export { searchTextOf } from './publications/projection.ts';
export * from './publications/read.ts';
export * from './publications/review.ts';
export * from './publications/validity.ts';
