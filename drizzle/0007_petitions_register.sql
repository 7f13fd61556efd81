CREATE TABLE "petition_aggregates" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"visit_batches" integer NOT NULL,
	"visit_persons" integer NOT NULL,
	"leader_batches" integer NOT NULL,
	"leader_persons" integer NOT NULL,
	"written_handled" integer NOT NULL,
	"acceptance_due" integer,
	"acceptance_on_time" integer,
	"completion_due" integer,
	"completion_on_time" integer,
	"written_completion_due" integer,
	"written_completion_on_time" integer,
	"source" text,
	"created_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"petition_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"on" date NOT NULL,
	"data" jsonb NOT NULL,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitioners" (
	"id" serial PRIMARY KEY NOT NULL,
	"petition_id" integer NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"id_number" text,
	"address" text
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"query_code" text NOT NULL,
	"channel" text NOT NULL,
	"received_on" date NOT NULL,
	"persons" integer DEFAULT 1 NOT NULL,
	"leader_received" boolean DEFAULT false NOT NULL,
	"leader_name" text,
	"subject" text NOT NULL,
	"content" text NOT NULL,
	"handling_unit" text,
	"answer_text" text,
	"phone_digits" text DEFAULT '' NOT NULL,
	"source_application_id" integer,
	"status" text NOT NULL,
	"acceptance_decision" text,
	"acceptance_due" date NOT NULL,
	"acceptance_decided_on" date,
	"handling_due" date,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"closed_on" date,
	"version" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "petition_aggregates" ADD CONSTRAINT "petition_aggregates_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_aggregates" ADD CONSTRAINT "petition_aggregates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_events" ADD CONSTRAINT "petition_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitioners" ADD CONSTRAINT "petitioners_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_source_application_id_applications_id_fk" FOREIGN KEY ("source_application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "petition_aggregates_period" ON "petition_aggregates" USING btree ("agency_id","period_from","period_to");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_events_seq" ON "petition_events" USING btree ("petition_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "petitioners_position" ON "petitioners" USING btree ("petition_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_query_code" ON "petitions" USING btree ("query_code");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_source_application" ON "petitions" USING btree ("source_application_id");--> statement-breakpoint
CREATE INDEX "petitions_agency_received" ON "petitions" USING btree ("agency_id","received_on");--> statement-breakpoint
CREATE INDEX "petitions_agency_status" ON "petitions" USING btree ("agency_id","status");