-- services-common (runtime.forget): the users this service has forgotten. A purge records the user
-- here first; later events for them are settled as forgotten, their user JWTs refused. Repeatable
-- (R__), so it runs beside each service's own versioned migrations whatever their numbers.
CREATE TABLE IF NOT EXISTS forgotten_users (
  user_id      text        PRIMARY KEY,
  forgotten_at timestamptz NOT NULL DEFAULT now()
);
