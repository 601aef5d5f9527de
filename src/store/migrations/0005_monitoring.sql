CREATE TABLE "observation_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"format" text NOT NULL,
	"rows" integer NOT NULL,
	"skipped" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator" text NOT NULL,
	"place" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"caliber" text,
	"source" text NOT NULL,
	"origin" text NOT NULL,
	"import_id" integer,
	"line" integer,
	"superseded_by" integer,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"task_key" text NOT NULL,
	"unit" text NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"percent" integer,
	"text" text DEFAULT '' NOT NULL,
	"attachment_file_id" integer,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_import_id_observation_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."observation_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_updates" ADD CONSTRAINT "task_updates_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_updates" ADD CONSTRAINT "task_updates_attachment_file_id_files_id_fk" FOREIGN KEY ("attachment_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observations_key" ON "observations" USING btree ("indicator","place","year");--> statement-breakpoint
CREATE INDEX "observations_place" ON "observations" USING btree ("place");--> statement-breakpoint
CREATE INDEX "observations_import" ON "observations" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "task_updates_plan_task" ON "task_updates" USING btree ("plan_id","task_key");--> statement-breakpoint
CREATE INDEX "task_updates_unit" ON "task_updates" USING btree ("unit");