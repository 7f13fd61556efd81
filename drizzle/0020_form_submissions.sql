CREATE TABLE "form_submissions" (
	"token" text PRIMARY KEY NOT NULL,
	"form" text NOT NULL,
	"agency_id" integer NOT NULL,
	"record_id" integer,
	"owner" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;