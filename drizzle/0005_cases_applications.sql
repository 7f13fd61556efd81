CREATE TABLE "appeals" (
	"application_id" integer NOT NULL,
	"appeal_id" text NOT NULL,
	"agency_id" integer NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"case_number" text,
	"filed_on" date NOT NULL,
	"closed_on" date,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"on" date NOT NULL,
	"data" jsonb NOT NULL,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"query_code" text NOT NULL,
	"channel" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_on" date NOT NULL,
	"received_on" date,
	"applicant_type" text NOT NULL,
	"applicant_name" text NOT NULL,
	"phone_digits" text NOT NULL,
	"applicant" jsonb NOT NULL,
	"request" jsonb NOT NULL,
	"status" text NOT NULL,
	"decision" text,
	"outcome" text,
	"resolved_on" date,
	"served_on" date,
	"reply_due" date,
	"supplement_notice_due" date,
	"handler_id" integer,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"event_seq" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"to_applicant" boolean DEFAULT true NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_key" ON "appeals" USING btree ("application_id","appeal_id");--> statement-breakpoint
CREATE INDEX "appeals_agency_filed" ON "appeals" USING btree ("agency_id","filed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "application_events_seq" ON "application_events" USING btree ("application_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_query_code" ON "applications" USING btree ("query_code");--> statement-breakpoint
CREATE INDEX "applications_agency_received" ON "applications" USING btree ("agency_id","received_on");--> statement-breakpoint
CREATE INDEX "applications_agency_resolved" ON "applications" USING btree ("agency_id","resolved_on");--> statement-breakpoint
CREATE INDEX "applications_agency_status" ON "applications" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "letters_application" ON "letters" USING btree ("application_id");