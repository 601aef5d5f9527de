CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"command" text NOT NULL,
	"subject" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" serial PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"size" bigint NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "places" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short" text NOT NULL,
	"level" text NOT NULL,
	"parent" text,
	"lon" double precision,
	"lat" double precision,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_places" (
	"version_id" integer NOT NULL,
	"place_code" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "plan_places_version_id_place_code_role_pk" PRIMARY KEY("version_id","place_code","role")
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"version" integer NOT NULL,
	"file_id" integer NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"source_text" text NOT NULL,
	"text" text NOT NULL,
	"offset_map" jsonb NOT NULL,
	"toc_start" integer,
	"toc_end" integer,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"title" text,
	"issuer" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"doc_number" text,
	"issued" text,
	"period_start" integer,
	"period_end" integer,
	"horizon" integer,
	"level" text DEFAULT 'unknown' NOT NULL,
	"meta_evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_key" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"current_version_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_plan_key_unique" UNIQUE("plan_key"),
	CONSTRAINT "plans_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "repairs" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"rule" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"source_start" integer NOT NULL,
	"source_end" integer NOT NULL,
	"before" text NOT NULL,
	"after" text NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sections" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"path" text NOT NULL,
	"parent_path" text,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"level" integer NOT NULL,
	"label" text,
	"ordinal" integer,
	"title" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"heading_start" integer NOT NULL,
	"heading_end" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_places" ADD CONSTRAINT "plan_places_version_id_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_places" ADD CONSTRAINT "plan_places_place_code_places_code_fk" FOREIGN KEY ("place_code") REFERENCES "public"."places"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repairs" ADD CONSTRAINT "repairs_version_id_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_version_id_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "places_name" ON "places" USING btree ("name");--> statement-breakpoint
CREATE INDEX "places_parent" ON "places" USING btree ("parent");--> statement-breakpoint
CREATE INDEX "plan_places_place" ON "plan_places" USING btree ("place_code");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_plan_version" ON "plan_versions" USING btree ("plan_id","version");--> statement-breakpoint
CREATE INDEX "plan_versions_file" ON "plan_versions" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "repairs_version" ON "repairs" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sections_version_path" ON "sections" USING btree ("version_id","path");