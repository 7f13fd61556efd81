-- Published items per category, kept exact in the same transaction as every change to publications.
-- Statement-level triggers with transition tables: one upsert per statement and category, so a bulk
-- insert does not update the counter row once per item.
CREATE FUNCTION catalog_category_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO catalog_category_counts AS c (category_id, published)
      SELECT category_id, count(*) FROM new_rows WHERE status = 'published'
      GROUP BY category_id ORDER BY category_id
      ON CONFLICT (category_id) DO UPDATE SET published = c.published + excluded.published;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO catalog_category_counts AS c (category_id, published)
      SELECT category_id, sum(d) FROM (
        SELECT category_id, 1 AS d FROM new_rows WHERE status = 'published'
        UNION ALL
        SELECT category_id, -1 FROM old_rows WHERE status = 'published'
      ) changes
      GROUP BY category_id HAVING sum(d) <> 0 ORDER BY category_id
      ON CONFLICT (category_id) DO UPDATE SET published = c.published + excluded.published;
  ELSE
    INSERT INTO catalog_category_counts AS c (category_id, published)
      SELECT category_id, -count(*) FROM old_rows WHERE status = 'published'
      GROUP BY category_id ORDER BY category_id
      ON CONFLICT (category_id) DO UPDATE SET published = c.published + excluded.published;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER catalog_category_counts_insert AFTER INSERT ON publications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_category_counts_apply();
--> statement-breakpoint
CREATE TRIGGER catalog_category_counts_update AFTER UPDATE ON publications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_category_counts_apply();
--> statement-breakpoint
CREATE TRIGGER catalog_category_counts_delete AFTER DELETE ON publications
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_category_counts_apply();
--> statement-breakpoint
INSERT INTO catalog_category_counts (category_id, published)
  SELECT category_id, count(*) FROM publications WHERE status = 'published' GROUP BY category_id;
