ALTER TABLE "publication_events" ADD COLUMN "seq" integer;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "event_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "publication_events_publication_seq" ON "publication_events" USING btree ("publication_id","seq") WHERE "publication_events"."seq" is not null;--> statement-breakpoint
-- Every existing publication gets a log: one `imported` event carrying its current content,
-- state and 索引号 (the trail rows written before stay, with no seq), then the facts that still
-- decide something: the 保密审查 of an item in review, an office's privacy release, 有效性.
INSERT INTO "publication_events" ("publication_id", "at", "user_id", "kind", "step", "details", "seq")
SELECT p."id", p."created_at", p."author_id", 'imported', NULL, jsonb_build_object(
  'type', 'imported',
  'on', to_char(p."created_at" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'),
  'by', NULL,
  'roles', '[]'::jsonb,
  'content', jsonb_build_object(
    'categoryId', p."category_id", 'title', p."title", 'docNumber', p."doc_number",
    'madeOn', p."made_on"::text, 'issuer', p."issuer", 'topic', p."topic",
    'keywords', p."keywords", 'summary', p."summary", 'body', p."body"),
  'chain', coalesce(
    (SELECT c."steps" FROM "catalog_review_chains" c WHERE c."agency_id" = p."agency_id"),
    '[{"label":"股室拟稿","role":"drafter"},{"label":"分管领导审核","role":"reviewer"},{"label":"办公室负责人审核","role":"office"},{"label":"办公室发布","role":"office"}]'::jsonb),
  'indexNumber', p."index_number",
  'legacyIndex', p."legacy_index",
  'publishedOn', p."published_on"::text,
  'changedOn', p."changed_on"::text,
  'revision', p."version",
  'attachments', coalesce((
    SELECT jsonb_agg(jsonb_build_object('id', a."id", 'filename', a."filename",
      'findings', coalesce(a."hidden", '[]'::jsonb)) ORDER BY a."id")
    FROM "publication_attachments" a
    WHERE a."publication_id" = p."id" AND NOT a."removed"), '[]'::jsonb),
  'status', p."status",
  'step', p."step",
  'authorId', p."author_id",
  'withdrawnReason', p."withdrawn_reason"), 1
FROM "publications" p;
--> statement-breakpoint
INSERT INTO "publication_events" ("publication_id", "at", "user_id", "kind", "step", "details", "seq")
SELECT p."id", r."at", r."reviewer_id", 'confidentiality-review', p."step", jsonb_build_object(
  'type', 'confidentiality-review',
  'on', to_char(r."at" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'),
  'by', NULL, 'roles', '[]'::jsonb, 'conclusion', r."conclusion", 'note', r."note"), 2
FROM "publications" p
JOIN LATERAL (
  SELECT * FROM "confidentiality_reviews" c
  WHERE c."publication_id" = p."id" AND c."version" = p."version"
  ORDER BY c."id" DESC LIMIT 1) r ON true
WHERE p."status" = 'review';
--> statement-breakpoint
INSERT INTO "publication_events" ("publication_id", "at", "user_id", "kind", "step", "details", "seq")
SELECT p."id", now(), (p."privacy_override"->>'userId')::int, 'privacy-override', NULL, jsonb_build_object(
  'type', 'privacy-override',
  'on', to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'),
  'by', NULL, 'roles', '[]'::jsonb,
  'reason', p."privacy_override"->>'reason',
  'findings', coalesce(jsonb_array_length(p."privacy_findings"), 0)),
  (SELECT max(e."seq") + 1 FROM "publication_events" e WHERE e."publication_id" = p."id")
FROM "publications" p
WHERE p."privacy_override" IS NOT NULL AND p."status" IN ('draft', 'review');
--> statement-breakpoint
INSERT INTO "publication_events" ("publication_id", "at", "user_id", "kind", "step", "details", "seq")
SELECT v."publication_id", v."recorded_at", v."user_id", 'validity-changed', NULL, jsonb_build_object(
  'type', 'validity-changed',
  'on', to_char(v."recorded_at" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'),
  'by', NULL, 'roles', '[]'::jsonb,
  'validity', v."validity", 'since', v."since"::text, 'note', v."note"),
  (SELECT max(e."seq") FROM "publication_events" e WHERE e."publication_id" = v."publication_id")
    + row_number() OVER (PARTITION BY v."publication_id" ORDER BY v."id")
FROM "publication_validity" v;
--> statement-breakpoint
UPDATE "publications" p SET "event_count" = (
  SELECT coalesce(max(e."seq"), 0) FROM "publication_events" e WHERE e."publication_id" = p."id");
