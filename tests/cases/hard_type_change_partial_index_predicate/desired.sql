CREATE TABLE job (id int PRIMARY KEY, status text NOT NULL, run_at timestamp);
CREATE INDEX job_pending_idx ON job (run_at) WHERE status IN ('pending', 'retry');
