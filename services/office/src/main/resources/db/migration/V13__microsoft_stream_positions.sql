-- Microsoft streaming positions taken by the backfill (ARCHITECTURE §12 "Microsoft"): before a
-- phase reads, the job runs a whole initial delta round of the phase's resources (Graph has no
-- "from now" token for Outlook) and stores its delta link here, so streaming's first round reads
-- everything that changed while the backfill ran, deletions included. The job that took the
-- position: a resumed run of the same job does not take it again.
ALTER TABLE microsoft_delta ADD COLUMN position_job uuid;

-- The end of the calendar view's window its delta link is bound to (events only): once "now" has
-- moved calendar-shift past the window's anchor, the next round reads a new window from scratch.
ALTER TABLE microsoft_delta ADD COLUMN window_end timestamptz;

-- Failed delta rounds back off (exponential with jitter, at least Graph's Retry-After): no round of
-- the resource is claimed before retry_at, however many notifications arrive. failures counts the
-- failed rounds in a row and last_error says why; a round that succeeds clears all three.
ALTER TABLE microsoft_delta ADD COLUMN failures integer NOT NULL DEFAULT 0;
ALTER TABLE microsoft_delta ADD COLUMN retry_at timestamptz;
ALTER TABLE microsoft_delta ADD COLUMN last_error text;
