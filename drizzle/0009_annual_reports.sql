CREATE TABLE "annual_deadlines" (
	"agency_id" integer NOT NULL,
	"scope" text NOT NULL,
	"month_day" text NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_deadlines_agency_id_scope_pk" PRIMARY KEY("agency_id","scope")
);
--> statement-breakpoint
CREATE TABLE "annual_report_amendments" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"cells" jsonb NOT NULL,
	"reason" text NOT NULL,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_report_files" (
	"version_id" integer NOT NULL,
	"format" text NOT NULL,
	"data" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_report_files_version_id_format_pk" PRIMARY KEY("version_id","format")
);
--> statement-breakpoint
CREATE TABLE "annual_report_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"report" jsonb NOT NULL,
	"findings" jsonb NOT NULL,
	"note" text,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"texts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"approved_version_id" integer,
	"published_version_id" integer,
	"publication_id" integer,
	"published_on" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imported_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"filename" text NOT NULL,
	"report" jsonb NOT NULL,
	"uncertain" jsonb NOT NULL,
	"confirmed" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"imported_by" integer,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_deadlines" ADD CONSTRAINT "annual_deadlines_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_deadlines" ADD CONSTRAINT "annual_deadlines_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_amendments" ADD CONSTRAINT "annual_report_amendments_report_id_annual_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."annual_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_amendments" ADD CONSTRAINT "annual_report_amendments_version_id_annual_report_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."annual_report_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_amendments" ADD CONSTRAINT "annual_report_amendments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_files" ADD CONSTRAINT "annual_report_files_version_id_annual_report_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."annual_report_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_versions" ADD CONSTRAINT "annual_report_versions_report_id_annual_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."annual_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report_versions" ADD CONSTRAINT "annual_report_versions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imported_reports" ADD CONSTRAINT "imported_reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imported_reports" ADD CONSTRAINT "imported_reports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annual_report_amendments_report" ON "annual_report_amendments" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_report_versions_seq" ON "annual_report_versions" USING btree ("report_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_agency_year" ON "annual_reports" USING btree ("agency_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "imported_reports_agency_year" ON "imported_reports" USING btree ("agency_id","year");