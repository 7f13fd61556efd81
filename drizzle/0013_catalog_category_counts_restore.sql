-- catalog_category_counts is derived from publications: only the publications triggers (trigger
-- depth > 1) write deltas to it. A row written directly (a backup being restored, which may load
-- this table before or after publications, or a manual repair) cannot change a total: a new row
-- takes the true count of the items present, an existing row (already kept by the triggers) is
-- left as it is, and a direct update recomputes it. Without this a restore would count twice.
CREATE FUNCTION catalog_category_counts_direct() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() > 1 THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' AND EXISTS (SELECT 1 FROM catalog_category_counts WHERE category_id = NEW.category_id) THEN
    RETURN NULL;
  END IF;
  NEW.published := (SELECT count(*) FROM publications
    WHERE category_id = NEW.category_id AND status = 'published');
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER catalog_category_counts_direct BEFORE INSERT OR UPDATE ON catalog_category_counts
  FOR EACH ROW EXECUTE FUNCTION catalog_category_counts_direct();
