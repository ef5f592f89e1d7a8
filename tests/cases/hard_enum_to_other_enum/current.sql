CREATE TYPE old_status AS ENUM ('new', 'done');
CREATE TABLE job2 (id int PRIMARY KEY, s old_status NOT NULL DEFAULT 'new');
INSERT INTO job2 VALUES (1, 'done');
