DROP INDEX IF EXISTS "effective_places_version";--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN IF NOT EXISTS "section_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN IF NOT EXISTS "repair_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "effective_findings_orphan" ON "effective_findings" USING btree ("version_id") WHERE "effective_findings"."status" = 'orphan';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "effective_place_counts_n" ON "effective_place_counts" USING btree ("code","kind","version_id","n");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "effective_places_version_code" ON "effective_places" USING btree ("version_id","code");--> statement-breakpoint
UPDATE "plan_versions" v SET "section_count" = (SELECT count(*) FROM "sections" s WHERE s."version_id" = v."id"), "repair_count" = (SELECT count(*) FROM "repairs" r WHERE r."version_id" = v."id");
