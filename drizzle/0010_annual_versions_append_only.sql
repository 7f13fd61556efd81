-- A published annual report is locked: its snapshots and their rendered files can never change.
CREATE FUNCTION annual_report_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER annual_report_versions_append_only
  BEFORE UPDATE OR DELETE ON annual_report_versions
  FOR EACH ROW EXECUTE FUNCTION annual_report_versions_refuse_change();
--> statement-breakpoint
CREATE TRIGGER annual_report_files_append_only
  BEFORE UPDATE OR DELETE ON annual_report_files
  FOR EACH ROW EXECUTE FUNCTION annual_report_versions_refuse_change();
--> statement-breakpoint
CREATE TRIGGER annual_report_amendments_append_only
  BEFORE UPDATE OR DELETE ON annual_report_amendments
  FOR EACH ROW EXECUTE FUNCTION annual_report_versions_refuse_change();
