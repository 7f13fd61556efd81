ALTER TABLE "petitioners" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "leader_level" text;