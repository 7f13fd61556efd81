-- publications_search_trgm without a pending list, like publications_search_grams (0016): nothing
-- flushes it on PGlite (no autovacuum), and every search would read all of it. ALTER INDEX instead
-- of the DROP/CREATE drizzle-kit proposes: the index stays as built, only new entries go in directly.
ALTER INDEX "publications_search_trgm" SET (fastupdate = off);
--> statement-breakpoint
SELECT gin_clean_pending_list('publications_search_trgm'::regclass);
