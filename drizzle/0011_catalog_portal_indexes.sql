CREATE TABLE "catalog_category_counts" (
	"category_id" integer PRIMARY KEY NOT NULL,
	"published" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_category_counts" ADD CONSTRAINT "catalog_category_counts_category_id_catalog_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."catalog_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publications_published_category_newest" ON "publications" USING btree ("agency_id","category_id","published_on" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "publications"."status" = 'published';--> statement-breakpoint
CREATE INDEX "publications_published_newest" ON "publications" USING btree ("agency_id","published_on" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "publications"."status" = 'published';