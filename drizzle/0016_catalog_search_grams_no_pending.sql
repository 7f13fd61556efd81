-- publications_search_grams without a pending list (fastupdate): a search reads the whole pending list,
-- which nothing flushes on PGlite (no autovacuum), and the planner, seeing those pages, walks every row
-- instead. Items are written far less often than searched, so each write updates the index directly.
ALTER INDEX "publications_search_grams" SET (fastupdate = off);
--> statement-breakpoint
SELECT gin_clean_pending_list('publications_search_grams'::regclass);
