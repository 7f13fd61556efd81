CREATE TABLE "proactive_prompt_dismissals" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"application_ids" jsonb NOT NULL,
	"reason" text NOT NULL,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "proactive_prompt_applicants" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "proactive_prompt_dismissals" ADD CONSTRAINT "proactive_prompt_dismissals_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proactive_prompt_dismissals_agency" ON "proactive_prompt_dismissals" USING btree ("agency_id","year");