-- The fee facts of the annual report read only the fee events; a partial index keeps that read
-- proportional to them instead of to every event of the county. (drizzle-kit also proposed to
-- re-create publications_search_grams WITH (fastupdate=false): 0016 already set that by ALTER
-- INDEX, so the snapshot now records it and the statement is left out.)
CREATE INDEX "application_events_fees" ON "application_events" USING btree ("application_id","seq") WHERE "application_events"."type" in ('ProcessingFeeNotified', 'ProcessingFeePaid');
