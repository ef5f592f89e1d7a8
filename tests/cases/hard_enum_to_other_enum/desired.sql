CREATE TYPE job_status AS ENUM ('new', 'running', 'done');
CREATE TABLE job2 (id int PRIMARY KEY, s job_status NOT NULL DEFAULT 'new');
