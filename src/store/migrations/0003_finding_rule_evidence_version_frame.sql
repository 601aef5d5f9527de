-- Findings record the rule that made them and the spans their fields were read from; versions keep their time frame.
-- Rows stored before get rule NULL, evidence '[]' and frame NULL; re-extracting the plan fills them.
ALTER TABLE "findings" ADD COLUMN "rule" text;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "evidence" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN "frame" jsonb;