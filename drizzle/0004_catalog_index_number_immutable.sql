-- 索引号 is immutable once generated (《政府信息公开目录系统实施指引（试行）》: 一经生成不因发布机构变更而更改).
CREATE OR REPLACE FUNCTION publications_index_number_immutable() RETURNS trigger AS $$
BEGIN
  IF OLD.index_number IS NOT NULL AND NEW.index_number IS DISTINCT FROM OLD.index_number THEN
    RAISE EXCEPTION 'index_number is immutable once generated';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER publications_index_number_immutable BEFORE UPDATE ON publications
  FOR EACH ROW EXECUTE FUNCTION publications_index_number_immutable();
--> statement-breakpoint
-- The trail of a publication is append-only, like audit_log.
CREATE OR REPLACE FUNCTION publication_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'publication_events is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER publication_events_append_only BEFORE UPDATE OR DELETE ON publication_events
  FOR EACH ROW EXECUTE FUNCTION publication_events_append_only();
