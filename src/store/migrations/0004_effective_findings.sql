CREATE TABLE "effective_findings" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"identity" text NOT NULL,
	"finding_id" integer,
	"status" text NOT NULL,
	"start" integer,
	"end" integer,
	"confidence" double precision NOT NULL,
	"flags" jsonb NOT NULL,
	"rule" text,
	"evidence" jsonb NOT NULL,
	"data" jsonb NOT NULL,
	"extracted" jsonb,
	"decision" jsonb,
	"summary" text DEFAULT '' NOT NULL,
	"quote" text DEFAULT '' NOT NULL,
	"year" integer,
	"scope_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sentence" text,
	"sentence_start" integer
);
--> statement-breakpoint
CREATE TABLE "effective_place_counts" (
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"version_id" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "effective_place_counts_code_kind_version_id_pk" PRIMARY KEY("code","kind","version_id")
);
--> statement-breakpoint
CREATE TABLE "effective_places" (
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"plan_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"scoped" boolean NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "effective_places_code_kind_plan_id_seq_version_id_pk" PRIMARY KEY("code","kind","plan_id","seq","version_id")
);
--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN "effective_ready" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN "effective_summary" jsonb;--> statement-breakpoint
ALTER TABLE "effective_findings" ADD CONSTRAINT "effective_findings_version_id_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effective_findings" ADD CONSTRAINT "effective_findings_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effective_place_counts" ADD CONSTRAINT "effective_place_counts_version_id_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effective_places" ADD CONSTRAINT "effective_places_version_id_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "effective_findings_version_seq" ON "effective_findings" USING btree ("version_id","seq");--> statement-breakpoint
CREATE INDEX "effective_findings_version_kind" ON "effective_findings" USING btree ("version_id","kind");--> statement-breakpoint
CREATE INDEX "effective_findings_plan" ON "effective_findings" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "effective_findings_codes" ON "effective_findings" USING gin ("codes");--> statement-breakpoint
CREATE INDEX "effective_findings_version_start" ON "effective_findings" USING btree ("version_id","start");--> statement-breakpoint
CREATE INDEX "effective_findings_long" ON "effective_findings" USING btree ("version_id") WHERE "effective_findings"."end" - "effective_findings"."start" > 400;--> statement-breakpoint
CREATE INDEX "effective_place_counts_version" ON "effective_place_counts" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "effective_places_version" ON "effective_places" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "effective_places_roles" ON "effective_places" USING btree ("code","version_id") WHERE cardinality("effective_places"."roles") > 0;