-- Letter numbers per agency and year (letter_counters, unique on letters), and the agency settings
-- a reply letter names: its 复议机关, its competent court and its letter-number template.
CREATE TABLE "letter_counters" (
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "reconsideration_body" text;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "court" text;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "letter_number_template" text;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "agency_id" integer;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "year" integer;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "serial" integer;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "number" text;--> statement-breakpoint
ALTER TABLE "letter_counters" ADD CONSTRAINT "letter_counters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "letter_counters_key" ON "letter_counters" USING btree ("agency_id","year");--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "letters_number_serial" ON "letters" USING btree ("agency_id","year","serial");--> statement-breakpoint
CREATE UNIQUE INDEX "letters_number_text" ON "letters" USING btree ("agency_id","number");