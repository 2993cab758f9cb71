-- The W3C trace context (traceparent) of what created the job, usually the office-integrations
-- delivery of the IntegrationEvent. A job runs later, from this table, on any instance: its runs
-- are children of this context, so the events they publish continue the trace that started with
-- the OAuth callback (ARCHITECTURE §9). NULL for jobs started without a trace (the internal API).
ALTER TABLE backfill_jobs ADD COLUMN traceparent text;
