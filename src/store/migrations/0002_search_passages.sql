-- pg_trgm: trigram index for literal substring search (PGlite loads the extension on open, see store/db.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "passages" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"section_path" text,
	"section_title" text,
	"section_trail" text DEFAULT '' NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"text" text NOT NULL,
	"tokens" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "passages" ADD CONSTRAINT "passages_version_id_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passages" ADD CONSTRAINT "passages_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "passages_version_seq" ON "passages" USING btree ("version_id","seq");--> statement-breakpoint
CREATE INDEX "passages_plan" ON "passages" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "passages_tokens" ON "passages" USING gin ("tokens");--> statement-breakpoint
CREATE INDEX "passages_text_trgm" ON "passages" USING gin ("text" gin_trgm_ops);