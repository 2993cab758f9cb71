-- One latest job per user and provider (issue 23): the office runs one job per user and provider,
-- so a user with Google and Microsoft connected has two at once, and with one row per user each
-- provider's reports replaced the other's in turn. The onboarding status shows the user's job that
-- has not completed, if any (onboarding/LatestJobs): the candidates stay provisional until every
-- provider's backfill completed.
ALTER TABLE backfill_job_progress DROP CONSTRAINT backfill_job_progress_pkey;
ALTER TABLE backfill_job_progress ADD PRIMARY KEY (user_id, provider);
