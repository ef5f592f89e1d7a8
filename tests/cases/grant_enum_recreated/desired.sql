CREATE TYPE mood AS ENUM ('ok', 'sad');
REVOKE USAGE ON TYPE mood FROM PUBLIC;
GRANT USAGE ON TYPE mood TO pg_monitor;
CREATE TABLE t (id int, m mood);
