ALTER TABLE "publications" ADD COLUMN "search_grams" text[];--> statement-breakpoint
CREATE INDEX "publications_search_grams" ON "publications" USING gin ("search_grams");