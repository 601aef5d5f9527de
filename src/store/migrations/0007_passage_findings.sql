ALTER TABLE "passages" ADD COLUMN IF NOT EXISTS "finding_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "passages" ADD COLUMN IF NOT EXISTS "finding_list" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Fill both for passages stored before them, as refreshPassageFindings (src/store/effective.ts) does
-- (400 is LONG_SPAN: short findings by where they start, long ones apart); passages without findings keep the defaults.
UPDATE "passages" p SET "finding_count" = x.n, "finding_list" = x.list
FROM "passages" q CROSS JOIN LATERAL (
  SELECT count(*)::int AS n, coalesce(jsonb_agg(jsonb_build_array(e."identity", e."kind", e."summary", e."start", e."end", e."year") ORDER BY e."seq"), '[]'::jsonb) AS list
  FROM (
    SELECT f.* FROM "effective_findings" f
     WHERE f."version_id" = q."version_id" AND f."start" > q."start" - 400 AND f."start" < q."end" AND f."end" > q."start"
       AND f."status" <> 'rejected' AND f."status" <> 'orphan'
    UNION ALL
    SELECT f.* FROM "effective_findings" f
     WHERE f."version_id" = q."version_id" AND f."end" - f."start" > 400 AND f."start" <= q."start" - 400 AND f."end" > q."start"
       AND f."status" <> 'rejected' AND f."status" <> 'orphan'
  ) e) x
WHERE p."id" = q."id" AND (p."finding_count" <> x.n OR p."finding_list" <> x.list);
