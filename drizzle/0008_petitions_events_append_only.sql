-- The petition event log is append-only: the database refuses to change or remove an event.
CREATE FUNCTION petition_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'petition_events is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER petition_events_append_only
  BEFORE UPDATE OR DELETE ON petition_events
  FOR EACH ROW EXECUTE FUNCTION petition_events_refuse_change();
