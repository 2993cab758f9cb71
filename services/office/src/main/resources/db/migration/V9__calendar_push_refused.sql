-- Calendars whose events.watch Google refuses for good (400 pushNotSupportedForRequestedResource:
-- holiday, birthday and other read-only calendars; 403/404 on a calendar other than the primary).
-- Such a calendar streams by the safety-net listing alone (calendar_sync.next_poll_at): the
-- reconciler counts it neither as needing a channel nor as not live, so it does not hold back the
-- user's other calendars, and tries the watch again at the user's next start or renewal (a
-- successful one clears the mark).
ALTER TABLE calendar_sync ADD COLUMN push_refused_at timestamptz;
