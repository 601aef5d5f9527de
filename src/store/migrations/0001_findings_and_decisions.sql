CREATE TABLE "decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"kind" text NOT NULL,
	"identity" text NOT NULL,
	"quote_key" text NOT NULL,
	"action" text NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"quote" text NOT NULL,
	"before" text DEFAULT '' NOT NULL,
	"after" text DEFAULT '' NOT NULL,
	"version_id" integer,
	"start" integer,
	"end" integer,
	"note" text,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"kind" text NOT NULL,
	"identity" text NOT NULL,
	"quote_key" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"source_start" integer NOT NULL,
	"source_end" integer NOT NULL,
	"quote" text NOT NULL,
	"section" text,
	"confidence" double precision NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_version_id_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."plan_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_version_id_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decisions_plan_identity" ON "decisions" USING btree ("plan_id","identity");--> statement-breakpoint
CREATE INDEX "decisions_plan_quote" ON "decisions" USING btree ("plan_id","quote_key");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_version_identity" ON "findings" USING btree ("version_id","identity");--> statement-breakpoint
CREATE INDEX "findings_version_kind" ON "findings" USING btree ("version_id","kind");--> statement-breakpoint
CREATE INDEX "findings_plan_identity" ON "findings" USING btree ("plan_id","identity");