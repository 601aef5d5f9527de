ALTER TABLE "plan_versions" ADD COLUMN "section_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN "repair_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "plan_versions" v SET "section_count" = (SELECT count(*) FROM "sections" s WHERE s."version_id" = v."id"), "repair_count" = (SELECT count(*) FROM "repairs" r WHERE r."version_id" = v."id");
